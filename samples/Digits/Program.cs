using System.CommandLine;
using System.Diagnostics;
using Nabla;
using Nabla.NN;
using Nabla.Optim;
using Nabla.Samples.Digits;
using Spectre.Console;

// Trains the CNN of shared/data/README.md on the UCI digits, fine-tunes a new head with the convolutions frozen,
// then saves the model and reloads it. `dotnet run --project samples/Digits` needs no arguments.
var epochs = new Option<int>("--epochs") { Description = "training epochs", DefaultValueFactory = _ => 20 };
var fineTuneEpochs = new Option<int>("--fine-tune-epochs") { Description = "epochs for the frozen fine-tuning run", DefaultValueFactory = _ => 5 };
var seed = new Option<int>("--seed") { Description = "seed for the split, the initial weights and the batch order (3: see the README)", DefaultValueFactory = _ => 3 };
var dataPath = new Option<string>("--data") { Description = "gzipped CSV of 64 pixels and a label per row", DefaultValueFactory = _ => DigitsData.DefaultPath };
var modelPath = new Option<string>("--model") { Description = "where to save the trained model", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "nabla-digits.state") };
var root = new RootCommand("Train a small CNN on the UCI handwritten digits with Nabla.") { epochs, fineTuneEpochs, seed, dataPath, modelPath };
root.SetAction(result => Run(result.GetValue(epochs), result.GetValue(fineTuneEpochs), result.GetValue(seed),
                             result.GetValue(dataPath)!, result.GetValue(modelPath)!));
return root.Parse(args).Invoke();

static int Run(int epochs, int fineTuneEpochs, int seed, string dataPath, string modelPath)
{
    const int batchSize = 32;
    var (train, test) = DigitsData.Load(dataPath).Split(0.8, seed);
    AnsiConsole.MarkupLine($"[bold]Nabla digits[/]: {train.Count} training and {test.Count} test images, numerics: {Markup.Escape(Nabla.Numerics.Provider)}");

    var model = Training.Cnn(seed);
    AnsiConsole.WriteLine(model.ToString());

    // The first pass through the code pays for JIT compilation (about 0.5 s here); PyTorch's kernels are compiled
    // ahead of time. A throwaway model runs it on a few batches first, timed on its own and not counted below.
    var warmUp = Stopwatch.StartNew();
    var scratch = Training.Cnn(seed + 500);
    Training.Epoch(scratch, new Adam(scratch.Parameters()), train.Take(Enumerable.Range(0, 64).ToArray()), batchSize, new Shuffle(ulong.MaxValue));
    Training.Accuracy(scratch, test);
    AnsiConsole.MarkupLine($"JIT warm-up (not counted): {warmUp.Elapsed.TotalSeconds:F2} s");
    // Batch order from its own stream (the split used seed itself), the same stream digits.py uses.
    var random = new Shuffle((ulong)seed + 1);
    var trainTime = TrainWithProgress("Training", model, new Adam(model.Parameters(), lr: 1e-3), train, test, epochs, batchSize, random);
    var accuracy = Training.Accuracy(model, test);
    AnsiConsole.MarkupLine($"Trained {epochs} epochs in [bold]{trainTime.TotalSeconds:F2} s[/]: test accuracy [bold]{accuracy:F3}[/] (evaluated under NoGrad)");

    // Fine-tuning: the trained convolutions, frozen, under a new classifier head.
    var features = model.Take(7).ToArray();
    foreach (var layer in features) layer.SetRequiresGrad(false);
    var tuned = new Sequential([.. features, new Nabla.NN.Linear(128, 10, seed: seed + 100)]);
    var convBefore = features.SelectMany(l => l.Parameters()).Select(p => p.ToArray()).ToList();
    var total = tuned.Parameters().Sum(p => p.Numel);
    var trainable = tuned.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel);
    AnsiConsole.MarkupLine($"Fine-tuning a new head with the convolutions frozen: [bold]{trainable}[/] trainable of [bold]{total}[/] parameters");
    var tuneTime = TrainWithProgress("Fine-tuning", tuned, new Adam(tuned.Parameters().Where(p => p.RequiresGrad), lr: 1e-2),
                                     train, test, fineTuneEpochs, batchSize, random);
    var unchanged = features.SelectMany(l => l.Parameters()).Select(p => p.ToArray()).Zip(convBefore).All(p => p.Item1.SequenceEqual(p.Item2));
    var tunedAccuracy = Training.Accuracy(tuned, test);
    AnsiConsole.MarkupLine($"Fine-tuned {fineTuneEpochs} epochs in {tuneTime.TotalSeconds:F2} s: test accuracy [bold]{tunedAccuracy:F3}[/]; frozen weights unchanged: {unchanged}");

    // Save, reload into a freshly made model, compare predictions.
    tuned.Save(modelPath);
    var reloaded = Training.Cnn(seed + 1000);
    reloaded.Load(modelPath);
    var identical = Training.Predict(tuned, test).SequenceEqual(Training.Predict(reloaded, test));
    AnsiConsole.MarkupLine($"Saved to {Markup.Escape(modelPath)} and reloaded: identical predictions on all {test.Count} test images: {identical}");

    return accuracy >= 0.98 && unchanged && identical ? 0 : 1;
}

static TimeSpan TrainWithProgress(string title, Module model, Optimizer optimizer, DigitsData train, DigitsData test,
                                  int epochs, int batchSize, Shuffle random)
{
    var trainTime = TimeSpan.Zero;
    var table = new Table().AddColumns("epoch", "train loss", "test accuracy", "time (s)");
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
        .Start(context =>
        {
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                var task = context.AddTask($"{title} epoch {epoch}/{epochs}", maxValue: train.Count);
                var clock = Stopwatch.StartNew();
                var loss = Training.Epoch(model, optimizer, train, batchSize, random, (n, batchLoss) =>
                {
                    task.Increment(n);
                    task.Description = $"{title} epoch {epoch}/{epochs}, loss {batchLoss:F4}";
                });
                clock.Stop();
                trainTime += clock.Elapsed;
                var accuracy = Training.Accuracy(model, test);
                task.Description = $"{title} epoch {epoch}/{epochs}: loss {loss:F4}, test accuracy {accuracy:F3}";
                task.StopTask();
                table.AddRow($"{epoch}", $"{loss:F4}", $"{accuracy:F3}", $"{clock.Elapsed.TotalSeconds:F3}");
            }
        });
    AnsiConsole.Write(table);
    return trainTime;
}
