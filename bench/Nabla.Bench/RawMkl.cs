using System.Runtime.InteropServices;

namespace Nabla.Bench;

/// <summary>cblas_sgemm called directly, the baseline Nabla's GEMM is measured against.</summary>
internal static unsafe partial class RawMkl
{
    const int RowMajor = 101, NoTrans = 111, Trans = 112;

    [LibraryImport("libmkl_rt.so")]
    private static partial void cblas_sgemm(int layout, int transA, int transB, int m, int n, int k, float alpha,
                                            float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    /// <summary>C = A·B for row-major square n×n matrices.</summary>
    public static void Sgemm(float[] a, float[] b, float[] c, int n)
    {
        fixed (float* pa = a, pb = b, pc = c)
            cblas_sgemm(RowMajor, NoTrans, NoTrans, n, n, n, 1f, pa, n, pb, n, 0f, pc, n);
    }

    /// <summary>C[m×n] = op(A)·op(B) for row-major buffers, op transposing when asked.</summary>
    public static void Sgemm(float[] a, bool transA, float[] b, bool transB, float[] c, int m, int n, int k)
    {
        fixed (float* pa = a, pb = b, pc = c)
            cblas_sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, 1f,
                        pa, transA ? m : k, pb, transB ? k : n, 0f, pc, n);
    }
}
