using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics.Providers;

/// <summary>Intel MKL's CBLAS entry points, bound at run time from <c>libmkl_rt.so</c> when it is installed.</summary>
internal static unsafe class MklNative
{
    public const int ColMajor = 102;

    // MKL's conditional numerical reproducibility: the best code path for this CPU, but the same summation order
    // whatever the memory alignment (STRICT), so a product gives the same bits from run to run.
    const int CbwrAuto = 2, CbwrStrict = 0x10000, CbwrSuccess = 0;

    static readonly string[] Names = ["libmkl_rt.so", "libmkl_rt.so.2", "libmkl_rt.so.1", "mkl_rt"];

    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm;
    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> dgemm;
    static readonly delegate* unmanaged[Cdecl]<int> maxThreads;
    static readonly delegate* unmanaged[Cdecl]<int, int> cbwrSet;

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
            // The C entry point (mkl_cbwr_set is the Fortran one, taking its argument by reference).
            if (NativeLibrary.TryGetExport(handle, "MKL_CBWR_Set", out var c))
            {
                cbwrSet = (delegate* unmanaged[Cdecl]<int, int>)c;
                Reproducible = cbwrSet(CbwrAuto | CbwrStrict) == CbwrSuccess;
            }
            Library = name;
            return;
        }
        LoadError = $"none of {string.Join(", ", Names)} could be loaded";
    }

    /// <summary>The library name that loaded, or null.</summary>
    public static string? Library { get; }

    /// <summary>Why MKL is not available, or null when it is.</summary>
    public static string? LoadError { get; }

    /// <summary>True when MKL runs in strict conditional-numerical-reproducibility mode (same bits run to run).</summary>
    public static bool Reproducible { get; }

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
