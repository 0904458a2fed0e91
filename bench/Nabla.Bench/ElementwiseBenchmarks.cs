using BenchmarkDotNet.Attributes;

namespace Nabla.Bench;

/// <summary>tanh, exp and add over 1M Float32 elements: Nabla's SIMD kernels against a plain scalar loop.</summary>
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    const int N = 1 << 20;
    Tensor x = null!, y = null!;
    float[] xs = null!, ys = null!, r = null!;

    [GlobalSetup]
    public void Setup()
    {
        x = Tensor.Rand([N], seed: 1);
        y = Tensor.Rand([N], seed: 2);
        xs = x.ToArray().Select(v => (float)v).ToArray();
        ys = y.ToArray().Select(v => (float)v).ToArray();
        r = new float[N];
    }

    [Benchmark] public float[] LoopTanh() { for (var i = 0; i < N; i++) r[i] = MathF.Tanh(xs[i]); return r; }
    [Benchmark] public Tensor NablaTanh() { using (Autograd.NoGrad()) return x.Tanh(); }
    [Benchmark] public float[] LoopExp() { for (var i = 0; i < N; i++) r[i] = MathF.Exp(xs[i]); return r; }
    [Benchmark] public Tensor NablaExp() { using (Autograd.NoGrad()) return x.Exp(); }
    [Benchmark] public float[] LoopAdd() { for (var i = 0; i < N; i++) r[i] = xs[i] + ys[i]; return r; }
    [Benchmark] public Tensor NablaAdd() { using (Autograd.NoGrad()) return x + y; }
}
