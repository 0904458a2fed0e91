using BenchmarkDotNet.Attributes;

namespace Nabla.Bench;

/// <summary>
/// An n×n Float32 matrix product through Nabla (no grad) against cblas_sgemm called directly, writing into a
/// reused buffer (the baseline) and into a fresh one per call, as Nabla must.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    [Params(64, 256, 1024)]
    public int N;

    Tensor a = null!, b = null!;
    float[] ra = null!, rb = null!, rc = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Load MKL through Nabla's provider first, so the raw baseline runs on the same threading layer (GNU OpenMP).
        _ = Nabla.Core.Numerics.Providers.Provider.Description;
        a = Tensor.Randn([N, N], seed: 1);
        b = Tensor.Randn([N, N], seed: 2);
        ra = a.ToArray().Select(v => (float)v).ToArray();
        rb = b.ToArray().Select(v => (float)v).ToArray();
        rc = new float[N * N];
    }

    [Benchmark(Baseline = true)]
    public float[] RawSgemm()
    {
        RawMkl.Sgemm(ra, rb, rc, N);
        return rc;
    }

    // Like for like with Nabla, which must return a new tensor: the same call writing into a fresh output buffer.
    [Benchmark]
    public float[] RawSgemmFreshOutput()
    {
        var c = GC.AllocateUninitializedArray<float>(N * N);
        RawMkl.Sgemm(ra, rb, c, N);
        return c;
    }

    [Benchmark]
    public Tensor NablaMatMul()
    {
        using (Autograd.NoGrad()) return a.MatMul(b);
    }
}
