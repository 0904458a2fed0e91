using BenchmarkDotNet.Attributes;

namespace Nabla.Bench;

/// <summary>
/// Σ, max and softmax over 1M Float32 elements (the whole tensor, and each row of a 1024×1024 matrix): Nabla's
/// reductions under NoGrad against a plain scalar loop.
/// </summary>
[MemoryDiagnoser]
public class ReductionKernelBenchmarks
{
    const int N = 1 << 20;
    Tensor x = null!, m = null!;
    float[] xs = null!;

    [GlobalSetup]
    public void Setup()
    {
        x = Tensor.Rand([N], seed: 1);
        m = x.Reshape([1024, 1024]);
        xs = x.ToArray().Select(v => (float)v).ToArray();
    }

    [Benchmark] public float LoopSum() { var s = 0f; for (var i = 0; i < N; i++) s += xs[i]; return s; }
    [Benchmark] public Tensor NablaSum() { using (Autograd.NoGrad()) return x.Sum(); }
    [Benchmark] public Tensor NablaMax() { using (Autograd.NoGrad()) return x.Max(); }
    [Benchmark] public Tensor NablaSumRows() { using (Autograd.NoGrad()) return m.Sum(1); }
    [Benchmark] public Tensor NablaSoftmaxRows() { using (Autograd.NoGrad()) return m.Softmax(1); }
}
