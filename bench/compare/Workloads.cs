using Nabla.Bench;
using System.Diagnostics;
using Nabla.NN;
using Nabla.Optim;

namespace Nabla.Compare;

/// <summary>
/// Nabla's side of each workload; bench/compare/torch_side.py holds the PyTorch twin of each, with the same block
/// sizes. A sample is the mean over one block of repetitions, so garbage-collection pauses inside a block count.
/// </summary>
internal static class Workloads
{
    /// <summary>Runs <paramref name="n"/> samples of the named workload.</summary>
    public static double[] Run(string name, int n) => name switch
    {
        "ops" => Samples(n, () => PerOpNs(5)),
        "mlp" => Samples(n, () => Mlp.Steps(10)),
        "mlp-raw-sgemm" => Samples(n, () => Mlp.RawStepMs(10)),
        "infer-raw-sgemm" => Samples(n, () => Mlp.RawInferMs(5)),
        "infer-grad" => Samples(n, () => Mlp.Infer(5, noGrad: false)),
        "infer-nograd" => Samples(n, () => Mlp.Infer(5, noGrad: true)),
        "hessian" => Samples(n, () => HessianMs(10)),
        "memory-grad" => Samples(n, () => KeptAliveBytes(noGrad: false)),
        "memory-nograd" => Samples(n, () => KeptAliveBytes(noGrad: true)),
        "cat" => Samples(n, () => Vocabulary.CatMs(20)),
        "slice-backward" => Samples(n, () => Vocabulary.SliceBackwardMs(20)),
        "einsum" => Samples(n, () => Vocabulary.EinsumMs(10)),
        "logsumexp" => Samples(n, () => Vocabulary.LogSumExpMs(20)),
        _ => throw new ArgumentException($"unknown workload '{name}'"),
    };

    static double[] Samples(int n, Func<double> sample) => Enumerable.Range(0, n).Select(_ => sample()).ToArray();

    static double MeanSeconds(int reps, Action step)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reps; i++) step();
        return clock.Elapsed.TotalSeconds / reps;
    }

    // ops: a 3,000-op scalar chain y = tanh(y * 1.0001 + 0.001) with backward (as OpChainBenchmarks), ns per op.
    static double PerOpNs(int chains) =>
        MeanSeconds(chains, () => Workbench.Chain()) / (Workbench.ChainSteps * Workbench.ChainOps) * 1e9;

    /// <summary>mlp and infer: Linear 784-512-512-10 with ReLU, Float32 (<see cref="Workbench.Mlp"/>).</summary>
    internal static class Mlp
    {
        static readonly Sequential model = Workbench.Mlp();
        static readonly SGD optimizer = new(model.Parameters(), lr: 0.01);
        static readonly Tensor x = Tensor.Randn([Workbench.Batch, 784], seed: 4);
        static readonly Tensor targets = Tensor.From(Enumerable.Range(0, Workbench.Batch).Select(i => (long)(i * 7 % 10)).ToArray());
        static readonly Tensor inferX = Tensor.Randn([Workbench.InferBatch, 784], seed: 5);

        /// <summary>Cross-entropy, backward and an SGD step on batch 128; ms per step.</summary>
        public static double Steps(int reps) => MeanSeconds(reps, () =>
        {
            optimizer.ZeroGrad();
            var loss = Functional.CrossEntropy(model.Forward(x), targets);
            loss.Backward();
            optimizer.Step();
        }) * 1e3;

        /// <summary>The forward on batch 1024, recording a graph or under NoGrad; ms per forward.</summary>
        public static double Infer(int reps, bool noGrad) => MeanSeconds(reps, () =>
        {
            using var scope = noGrad ? Autograd.NoGrad() : null;
            GC.KeepAlive(model.Forward(inferX));
        }) * 1e3;

        // The raw-MKL baselines: the same products through cblas_sgemm into buffers made once.
        static readonly Gemm[] inferGemms = Workbench.ForwardGemms(Workbench.InferBatch);
        static readonly Lazy<(float[] A, float[] B, float[] C)[]> stepBuffers = new(() => RawMkl.Buffers(Workbench.StepGemms));
        static readonly Lazy<(float[] A, float[] B, float[] C)[]> inferBuffers = new(() => RawMkl.Buffers(inferGemms));

        /// <summary>The step's eight products alone; ms per pass.</summary>
        public static double RawStepMs(int reps) => MeanSeconds(reps, () => RawMkl.Run(Workbench.StepGemms, stepBuffers.Value)) * 1e3;

        /// <summary>The batch-1024 forward's three products alone; ms per pass.</summary>
        public static double RawInferMs(int reps) => MeanSeconds(reps, () => RawMkl.Run(inferGemms, inferBuffers.Value)) * 1e3;

        /// <summary>Floating-point operations of the step's products.</summary>
        public static double StepFlops => Workbench.StepGemms.Sum(g => g.Flops);
    }

    /// <summary>The vocabulary workloads (issue 13), Float32, ms per call; torch_side.py has the same shapes.</summary>
    internal static class Vocabulary
    {
        static readonly Tensor[] catParts = [.. Enumerable.Range(0, 4).Select(k => Tensor.Randn([512, 256], seed: 20 + k))];
        static readonly Tensor sliced = Tensor.Randn([1024, 1024], requiresGrad: true, seed: 30);
        static readonly Tensor sliceSeed = Tensor.Ones([1024, 500]);

        static readonly Tensor queries = Tensor.Randn([8, 8, 128, 64], seed: 40), keys = Tensor.Randn([8, 8, 128, 64], seed: 41);
        static readonly Tensor logits = Tensor.Randn([1024, 1024], seed: 42);

        /// <summary>Attention scores, einsum("bhqd,bhkd->bhqk") of [8, 8, 128, 64] queries and keys.</summary>
        public static double EinsumMs(int reps) => MeanSeconds(reps, () => GC.KeepAlive(Tensor.Einsum("bhqd,bhkd->bhqk", queries, keys))) * 1e3;

        /// <summary>logsumexp over the last dim of [1024, 1024].</summary>
        public static double LogSumExpMs(int reps) => MeanSeconds(reps, () => GC.KeepAlive(logits.LogSumExp(1))) * 1e3;

        /// <summary>cat of four [512, 256] along dim 1, into [512, 1024] (runs of 256 from each part per row).</summary>
        public static double CatMs(int reps) => MeanSeconds(reps, () => GC.KeepAlive(Tensor.Cat(catParts, dim: 1))) * 1e3;

        /// <summary>x[:, 100:600] of a [1024, 1024] leaf and its backward with a seed of ones (zeros around the slice).</summary>
        public static double SliceBackwardMs(int reps) => MeanSeconds(reps, () =>
        {
            sliced.Grad = null;
            sliced[.., 100..600].Backward(sliceSeed);
        }) * 1e3;
    }

    // hessian: Autograd.Hessian of sum(tanh(A x)), x in R^64, Float64 (as HessianBenchmarks); ms per Hessian.
    static readonly Tensor hessA = Tensor.Randn([64, 64], seed: 1, dtype: DType.Float64) * (1.0 / 8);
    static readonly Tensor hessX = Tensor.Randn([64], seed: 2, dtype: DType.Float64);

    static double HessianMs(int reps) =>
        MeanSeconds(reps, () => GC.KeepAlive(Autograd.Hessian(v => hessA.MatMul(v).Tanh().Sum(), hessX))) * 1e3;

    // memory: bytes kept alive beyond the output by a 16-layer 512-wide tanh MLP forward on batch 256: the managed
    // heap after a full collection, holding the output, minus the heap before the forward and the output's buffer.
    static readonly NN.Linear[] memLayers = Enumerable.Range(0, 16).Select(i => new NN.Linear(512, 512, seed: 10 + i)).ToArray();
    static readonly Tensor memX = Tensor.Randn([256, 512], seed: 6);

    static double KeptAliveBytes(bool noGrad)
    {
        using var scope = noGrad ? Autograd.NoGrad() : null;
        GC.KeepAlive(MemForward()); // first run of this mode: JIT and scratch buffers are not counted
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var y = MemForward();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var kept = after - before - (long)y.Numel * sizeof(float);
        GC.KeepAlive(y);
        return kept;
    }

    static Tensor MemForward()
    {
        var y = memX;
        foreach (var layer in memLayers) y = layer.Forward(y).Tanh();
        return y;
    }
}
