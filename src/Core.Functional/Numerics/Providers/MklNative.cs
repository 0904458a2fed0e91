using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics.Providers;

/// <summary>Intel MKL's CBLAS entry points, bound at run time from <c>libmkl_rt.so</c> when it is installed.</summary>
internal static unsafe class MklNative
{
    public const int ColMajor = 102;

    static readonly string[] Names = ["libmkl_rt.so", "libmkl_rt.so.2", "libmkl_rt.so.1", "mkl_rt"];

    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm;
    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> dgemm;
    static readonly delegate* unmanaged[Cdecl]<int> maxThreads;

    static MklNative()
    {
        foreach (var name in Names)
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var s) || !NativeLibrary.TryGetExport(handle, "cblas_dgemm", out var d))
            {
                LoadError = $"{name} was found but does not export cblas_sgemm/cblas_dgemm";
                return;
            }
            sgemm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)s;
            dgemm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)d;
            if (NativeLibrary.TryGetExport(handle, "mkl_get_max_threads", out var t))
                maxThreads = (delegate* unmanaged[Cdecl]<int>)t;
            Library = name;
            return;
        }
        LoadError = $"none of {string.Join(", ", Names)} could be loaded";
    }

    /// <summary>The library name that loaded, or null.</summary>
    public static string? Library { get; }

    /// <summary>Why MKL is not available, or null when it is.</summary>
    public static string? LoadError { get; }

    /// <summary>True when the CBLAS entry points are bound.</summary>
    public static bool IsLoaded => Library is not null;

    /// <summary>MKL's thread count (mkl_get_max_threads), or 0 when unknown.</summary>
    public static int MaxThreads => maxThreads is null ? 0 : maxThreads();

    /// <summary>C = α·op(A)·op(B) + β·C in column-major storage (cblas_sgemm).</summary>
    public static void Gemm(int transA, int transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc)
    {
        fixed (float* pa = a, pb = b, pc = c) sgemm(ColMajor, transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    /// <summary>C = α·op(A)·op(B) + β·C in column-major storage (cblas_dgemm).</summary>
    public static void Gemm(int transA, int transB, int m, int n, int k, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        fixed (double* pa = a, pb = b, pc = c) dgemm(ColMajor, transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }
}
