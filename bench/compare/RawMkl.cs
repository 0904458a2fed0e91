using System.Runtime.InteropServices;

namespace Nabla.Compare;

/// <summary>
/// cblas_sgemm called directly on the shapes of one MLP training step (<see cref="Workloads.Mlp.StepGemms"/>), into
/// buffers made once: the hardware-bound baseline the mlp workload's achieved GFLOP/s is measured against.
/// </summary>
internal static unsafe partial class RawMkl
{
    const int RowMajor = 101, NoTrans = 111, Trans = 112;

    [LibraryImport("libmkl_rt.so")]
    private static partial void cblas_sgemm(int layout, int transA, int transB, int m, int n, int k, float alpha,
                                            float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    /// <summary>Whether libmkl_rt.so can be loaded in this process.</summary>
    public static bool Available => NativeLibrary.TryLoad("libmkl_rt.so", out _);

    /// <summary>Mean milliseconds for one pass over the step's products, over <paramref name="reps"/> passes.</summary>
    public static double StepMs(int reps) => Ms(Workloads.Mlp.StepGemms, reps);

    /// <summary>Mean milliseconds for the batch-1024 forward's three products (x·Wᵀ), over <paramref name="reps"/> passes.</summary>
    public static double InferMs(int reps) => Ms(Workloads.Mlp.InferGemms, reps);

    static double Ms((int M, int N, int K, bool TransA, bool TransB)[] gemms, int reps)
    {
        var random = new Random(7);
        float[] Fill(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        var buffers = gemms.Select(g => (A: Fill(g.M * g.K), B: Fill(g.K * g.N), C: new float[g.M * g.N])).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var r = 0; r < reps; r++)
            for (var i = 0; i < gemms.Length; i++)
            {
                var (m, n, k, transA, transB) = gemms[i];
                fixed (float* a = buffers[i].A, b = buffers[i].B, c = buffers[i].C)
                    cblas_sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, 1f,
                                a, transA ? m : k, b, transB ? k : n, 0f, c, n);
            }
        return clock.Elapsed.TotalMilliseconds / reps;
    }
}
