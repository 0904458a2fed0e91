using System.Runtime.InteropServices;

namespace Nabla.Bench;

/// <summary>A row-major product C[m×n] = op(A)·op(B): op(A) is m×k, op(B) is k×n, each read transposed when asked.</summary>
internal readonly record struct Gemm(int M, int N, int K, bool TransA, bool TransB)
{
    /// <summary>2·m·n·k.</summary>
    public double Flops => 2.0 * M * N * K;
}

/// <summary>
/// cblas_sgemm called directly, the baseline Nabla's products are measured against (bench/Nabla.Bench and
/// bench/compare both compile this file).
/// </summary>
internal static unsafe partial class RawMkl
{
    const int RowMajor = 101, NoTrans = 111, Trans = 112;

    [LibraryImport("libmkl_rt.so")]
    private static partial void cblas_sgemm(int layout, int transA, int transB, int m, int n, int k, float alpha,
                                            float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    /// <summary>Whether libmkl_rt.so can be loaded in this process.</summary>
    public static bool Available => NativeLibrary.TryLoad("libmkl_rt.so", out _);

    /// <summary>C = A·B for row-major square n×n matrices.</summary>
    public static void Sgemm(float[] a, float[] b, float[] c, int n) => Sgemm(new Gemm(n, n, n, false, false), a, b, c);

    /// <summary>C = op(A)·op(B) into <paramref name="c"/>.</summary>
    public static void Sgemm(Gemm g, float[] a, float[] b, float[] c)
    {
        fixed (float* pa = a, pb = b, pc = c)
            cblas_sgemm(RowMajor, g.TransA ? Trans : NoTrans, g.TransB ? Trans : NoTrans, g.M, g.N, g.K, 1f,
                        pa, g.TransA ? g.M : g.K, pb, g.TransB ? g.K : g.N, 0f, pc, g.N);
    }

    /// <summary>Operand and output buffers for each product, filled with fixed pseudo-random values.</summary>
    public static (float[] A, float[] B, float[] C)[] Buffers(IEnumerable<Gemm> gemms)
    {
        var random = new Random(7);
        float[] Fill(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        return gemms.Select(g => (Fill(g.M * g.K), Fill(g.K * g.N), new float[g.M * g.N])).ToArray();
    }

    /// <summary>Runs each product once into its buffers (made by <see cref="Buffers"/> from the same list).</summary>
    public static void Run(IReadOnlyList<Gemm> gemms, (float[] A, float[] B, float[] C)[] buffers, int offset = 0)
    {
        for (var i = 0; i < gemms.Count; i++) Sgemm(gemms[i], buffers[offset + i].A, buffers[offset + i].B, buffers[offset + i].C);
    }
}
