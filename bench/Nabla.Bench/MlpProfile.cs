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
    const int Batch = Workbench.Batch, Steps = 200;

    public static void Run()
    {
        var model = Workbench.Mlp();
        var optimizer = new SGD(model.Parameters(), lr: 0.01);
        var x = Tensor.Randn([Batch, 784], seed: 4);
        var targets = Tensor.From(Enumerable.Range(0, Batch).Select(i => (long)(i * 7 % 10)).ToArray());
        var phases = new[] { "zero_grad", "forward", "loss", "backward", "step", "raw fwd GEMMs", "raw bwd GEMMs" };
        var ticks = new long[phases.Length];
        var forwardGemms = Workbench.ForwardGemms(Batch);
        var buffers = RawMkl.Buffers(Workbench.StepGemms);
        long Raw(int from, Gemm[] gemms)
        {
            var start = Stopwatch.GetTimestamp();
            RawMkl.Run(gemms, buffers, from);
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
            var rawBackward = Raw(forwardGemms.Length, Workbench.BackwardGemms);
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

    /// <summary>
    /// `profile-infer`: the same MLP's forward on batch 1024 under NoGrad, layer by layer, against raw cblas_sgemm on the
    /// three products into reused buffers, timed in the same loop.
    /// </summary>
    public static void Infer()
    {
        const int reps = 100;
        var mlp = Workbench.Mlp();
        var layers = new[] { mlp[0], mlp[2], mlp[4] };
        var x = Tensor.Randn([Workbench.InferBatch, 784], seed: 5);
        var gemms = Workbench.ForwardGemms(Workbench.InferBatch);
        var buffers = RawMkl.Buffers(gemms);
        var names = new[] { "linear1", "relu1", "linear2", "relu2", "linear3", "raw GEMM 1", "raw GEMM 2", "raw GEMM 3" };
        var ticks = new long[names.Length];
        void Pass(bool record)
        {
            using var _ = Autograd.NoGrad();
            var t = new long[9];
            t[0] = Stopwatch.GetTimestamp();
            var h = layers[0].Forward(x); t[1] = Stopwatch.GetTimestamp();
            h = h.Relu(); t[2] = Stopwatch.GetTimestamp();
            h = layers[1].Forward(h); t[3] = Stopwatch.GetTimestamp();
            h = h.Relu(); t[4] = Stopwatch.GetTimestamp();
            GC.KeepAlive(layers[2].Forward(h)); t[5] = Stopwatch.GetTimestamp();
            for (var i = 0; i < 3; i++)
            {
                RawMkl.Sgemm(gemms[i], buffers[i].A, buffers[i].B, buffers[i].C);
                t[6 + i] = Stopwatch.GetTimestamp();
            }
            if (!record) return;
            for (var i = 0; i < names.Length; i++) ticks[i] += t[i + 1] - t[i];
        }
        for (var i = 0; i < 30; i++) Pass(false);
        for (var i = 0; i < reps; i++) Pass(true);
        for (var i = 0; i < names.Length; i++) Console.WriteLine($"  {names[i],-11} {ticks[i] * 1000.0 / Stopwatch.Frequency / reps,7:F3} ms");
    }
}
