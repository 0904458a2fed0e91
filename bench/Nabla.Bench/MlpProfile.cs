using System.Diagnostics;
using Nabla.NN;
using Nabla.Optim;

namespace Nabla.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Nabla.Bench -- profile-mlp`: where a training step of bench/compare's mlp
/// workload (Linear 784-512-512-10, ReLU, Float32, batch 128, cross-entropy, SGD) spends its time, phase by phase,
/// with bytes allocated and collections per step, and the same step's matrix products through raw cblas_sgemm into
/// reused buffers (forward's three, backward's five), timed in the same loop, so each phase's overhead shows.
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
        var phases = new[] { "zero_grad", "forward", "loss", "backward", "step", "raw fwd GEMMs", "raw bwd GEMMs" };
        var ticks = new long[phases.Length];
        (int M, int N, int K, bool TA, bool TB)[] forwardGemms = [(Batch, 512, 784, false, true), (Batch, 512, 512, false, true), (Batch, 10, 512, false, true)];
        (int M, int N, int K, bool TA, bool TB)[] backwardGemms =
            [(10, 512, Batch, true, false), (Batch, 512, 10, false, false), (512, 512, Batch, true, false), (Batch, 512, 512, false, false), (512, 784, Batch, true, false)];
        var random = new Random(7);
        float[] Fill(int n) => Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
        var buffers = forwardGemms.Concat(backwardGemms).Select(g => (A: Fill(g.M * g.K), B: Fill(g.K * g.N), C: new float[g.M * g.N])).ToArray();
        long Raw(int from, (int M, int N, int K, bool TA, bool TB)[] gemms)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < gemms.Length; i++)
                RawMkl.Sgemm(buffers[from + i].A, gemms[i].TA, buffers[from + i].B, gemms[i].TB, buffers[from + i].C, gemms[i].M, gemms[i].N, gemms[i].K);
            return Stopwatch.GetTimestamp() - start;
        }
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
            var rawForward = Raw(0, forwardGemms);
            var rawBackward = Raw(forwardGemms.Length, backwardGemms);
            if (!record) return;
            ticks[0] += t1 - t0; ticks[1] += t2 - t1; ticks[2] += t3 - t2; ticks[3] += t4 - t3; ticks[4] += t5 - t4;
            ticks[5] += rawForward; ticks[6] += rawBackward;
        }
        for (var i = 0; i < 50; i++) Step(false);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Steps; i++) Step(true);
        var total = (clock.Elapsed.TotalMilliseconds - (ticks[5] + ticks[6]) * 1000.0 / Stopwatch.Frequency) / Steps;
        Console.WriteLine($"step: {total:F2} ms; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / Steps:F2} ms/step, " +
                          $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Steps / 1024.0:F0} KiB/step, collections per 100 steps: " +
                          $"gen0 {(GC.CollectionCount(0) - g0) * 100.0 / Steps:F0}, gen1 {(GC.CollectionCount(1) - g1) * 100.0 / Steps:F0}, gen2 {(GC.CollectionCount(2) - g2) * 100.0 / Steps:F0}");
        for (var p = 0; p < phases.Length; p++)
            Console.WriteLine($"  {phases[p],-10} {ticks[p] * 1000.0 / Stopwatch.Frequency / Steps,7:F2} ms");
    }
}
