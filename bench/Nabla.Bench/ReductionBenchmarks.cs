using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Nabla.Bench;

/// <summary>
/// Σ over 1M and 10M Float32 elements: Nabla's Sum (no grad) against TensorPrimitives.Sum on the same values, the
/// kernel Nabla's Sum called before issue 11 made it accurate (its lane accumulators err by ~0.6 % at 10M).
/// </summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    [Params(1 << 20, 10_000_000)]
    public int N;

    Tensor x = null!;
    float[] xs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        xs = new float[N];
        for (var i = 0; i < N; i++) xs[i] = rng.NextSingle();
        x = Tensor.From(xs, [N]);
    }

    [Benchmark(Baseline = true)] public float TensorPrimitivesSum() => TensorPrimitives.Sum(xs);

    [Benchmark] public Tensor NablaSum() { using (Autograd.NoGrad()) return x.Sum(); }
}
