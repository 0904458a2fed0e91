using Nabla.NN;
using Nabla.Optim;

namespace Nabla.Samples.Digits;

/// <summary>The model, one training epoch and evaluation, used by the sample and by its test.</summary>
public static class Training
{
    /// <summary>
    /// conv(1→16, 3, pad 1) – ReLU – maxpool 2 – conv(16→32, 3, pad 1) – ReLU – maxpool 2 – flatten – linear(128→10):
    /// 6,090 parameters, the model of shared/data/README.md.
    /// </summary>
    public static Sequential Cnn(int seed) => new(
        new Conv2d(1, 16, kernelSize: 3, padding: 1, seed: seed),
        new ReLU(),
        new MaxPool2d(2),
        new Conv2d(16, 32, kernelSize: 3, padding: 1, seed: seed + 1),
        new ReLU(),
        new MaxPool2d(2),
        new Flatten(),
        new NN.Linear(32 * 2 * 2, 10, seed: seed + 2));

    /// <summary>One pass over <paramref name="data"/> in shuffled mini-batches; returns the mean training loss.</summary>
    public static double Epoch(Module model, Optimizer optimizer, DigitsData data, int batchSize, Shuffle shuffle,
                               Action<int, double>? afterBatch = null)
    {
        model.Train();
        var order = shuffle.Permutation(data.Count);
        double total = 0;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var batch = data.Take(order.AsSpan(start, Math.Min(batchSize, order.Length - start)));
            var loss = Functional.CrossEntropy(model.Forward(batch.Images()), batch.Targets());
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            total += loss.Item() * batch.Count;
            afterBatch?.Invoke(batch.Count, loss.Item());
        }
        return total / data.Count;
    }

    /// <summary>The predicted class of every image, computed in evaluation mode under NoGrad (no graph, no saved buffers).</summary>
    public static long[] Predict(Module model, DigitsData data)
    {
        model.Eval();
        using var _ = Autograd.NoGrad();
        var logits = model.Forward(data.Images());
        return logits.ArgMax(1).ToArray().Select(v => (long)v).ToArray();
    }

    /// <summary>The fraction of images whose predicted class is their label.</summary>
    public static double Accuracy(Module model, DigitsData data) =>
        Predict(model, data).Zip(data.Labels).Count(p => p.Item1 == p.Item2) / (double)data.Count;
}
