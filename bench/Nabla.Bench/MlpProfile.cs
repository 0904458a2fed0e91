using System.Diagnostics;
using Nabla.NN;
using Nabla.Optim;

namespace Nabla.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Nabla.Bench -- profile-mlp`: where a training step of bench/compare's mlp
/// workload (Linear 784-512-512-10, ReLU, Float32, batch 128, cross-entropy, SGD) spends its time, phase by phase,
/// with bytes allocated and collections per step.
/// </summary>
internal static class MlpProfile
{
    const int Batch = 128, Steps = 200;

    public static void Run()
    {
        var model = new Sequential(new NN.Linear(784, 512, seed: 1), new ReLU(), new NN.Linear(512, 512, seed: 2), new ReLU(),
                                   new NN.Linear(512, 10, seed: 3));
        var optimizer = new SGD(model.Parameters(), lr: 0.01);
        var x = Tensor.Randn([Batch, 784], seed: 4);
        var targets = Tensor.From(Enumerable.Range(0, Batch).Select(i => (long)(i * 7 % 10)).ToArray());
        var phases = new[] { "zero_grad", "forward", "loss", "backward", "step" };
        var ticks = new long[phases.Length];
        void Step(bool record)
        {
            var t0 = Stopwatch.GetTimestamp();
            optimizer.ZeroGrad();
            var t1 = Stopwatch.GetTimestamp();
            var logits = model.Forward(x);
            var t2 = Stopwatch.GetTimestamp();
            var loss = Functional.CrossEntropy(logits, targets);
            var t3 = Stopwatch.GetTimestamp();
            loss.Backward();
            var t4 = Stopwatch.GetTimestamp();
            optimizer.Step();
            var t5 = Stopwatch.GetTimestamp();
            if (!record) return;
            ticks[0] += t1 - t0; ticks[1] += t2 - t1; ticks[2] += t3 - t2; ticks[3] += t4 - t3; ticks[4] += t5 - t4;
        }
        for (var i = 0; i < 50; i++) Step(false);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Steps; i++) Step(true);
        var total = clock.Elapsed.TotalMilliseconds / Steps;
        Console.WriteLine($"step: {total:F2} ms; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / Steps:F2} ms/step, " +
                          $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Steps / 1024.0:F0} KiB/step, collections per 100 steps: " +
                          $"gen0 {(GC.CollectionCount(0) - g0) * 100.0 / Steps:F0}, gen1 {(GC.CollectionCount(1) - g1) * 100.0 / Steps:F0}, gen2 {(GC.CollectionCount(2) - g2) * 100.0 / Steps:F0}");
        for (var p = 0; p < phases.Length; p++)
            Console.WriteLine($"  {phases[p],-10} {ticks[p] * 1000.0 / Stopwatch.Frequency / Steps,7:F2} ms");
    }
}
