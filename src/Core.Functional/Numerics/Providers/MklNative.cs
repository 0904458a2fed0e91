using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics.Providers;

/// <summary>
/// Intel MKL's CBLAS entry points, bound at run time from <c>libmkl_rt.so</c> when it is installed. Loading it sets
/// two of MKL's process-wide modes, each only when the user has not set it through MKL's own environment variable:
/// strict conditional numerical reproducibility (<c>MKL_CBWR</c> wins when set) and the GNU OpenMP threading layer
/// (<c>MKL_THREADING_LAYER</c> wins when set). Nabla does not load it under NABLA_PROVIDER=managed.
/// </summary>
internal static unsafe class MklNative
{
    const int RowMajor = 101, NoTrans = 111, Trans = 112;

    // MKL's conditional numerical reproducibility: the best code path for this CPU, but the same summation order
    // whatever the memory alignment (STRICT), so a product gives the same bits from run to run.
    const int CbwrAuto = 2, CbwrStrict = 0x10000, CbwrSuccess = 0;

    // MKL_Set_Threading_Layer's value for GNU OpenMP (Intel's runtime, 0, is MKL's default).
    const int ThreadingGnu = 3;

    static readonly string[] Names = ["libmkl_rt.so", "libmkl_rt.so.2", "libmkl_rt.so.1", "mkl_rt"];

    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm;
    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> dgemm;
    static readonly delegate* unmanaged[Cdecl]<int> maxThreads;
    // cblas_?gemm_batch_strided (MKL 2020 on); null where the library lacks it, and then the stack is a loop of gemms.
    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, int, float*, int, int, float, float*, int, int, int, void> sgemmStrided;
    static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, int, double*, int, int, double, double*, int, int, int, void> dgemmStrided;

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
            if (NativeLibrary.TryGetExport(handle, "cblas_sgemm_batch_strided", out var sb) && NativeLibrary.TryGetExport(handle, "cblas_dgemm_batch_strided", out var db))
            {
                sgemmStrided = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, int, float*, int, int, float, float*, int, int, int, void>)sb;
                dgemmStrided = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, int, double*, int, int, double, double*, int, int, int, void>)db;
            }
            ThreadingLayer = ChooseThreadingLayer(handle);
            Cbwr = ChooseCbwr(handle);
            Library = name;
            return;
        }
        LoadError = $"none of {string.Join(", ", Names)} could be loaded";
    }

    /// <summary>
    /// Runs MKL's threads on GNU OpenMP (libgomp) rather than Intel's runtime, unless MKL_THREADING_LAYER says otherwise
    /// or libgomp and MKL's GNU layer are not installed. It must come before any other MKL call. On this project's
    /// 2-core machine the GNU layer gave 5–10 % faster training steps and forwards (docs/BENCHMARKS.md): Intel's
    /// workers spin for 200 ms after each product, competing for the second core with whatever runs next; it is
    /// also the layer PyTorch uses.
    /// </summary>
    static string ChooseThreadingLayer(IntPtr handle)
    {
        if (Environment.GetEnvironmentVariable("MKL_THREADING_LAYER") is { Length: > 0 } asked) return $"MKL_THREADING_LAYER={asked}";
        if (!NativeLibrary.TryGetExport(handle, "MKL_Set_Threading_Layer", out var set)) return IntelOpenMp;
        if (!NativeLibrary.TryLoad("libgomp.so.1", out _) || !GnuLayerInstalled()) return IntelOpenMp;
        return ((delegate* unmanaged[Cdecl]<int, int>)set)(ThreadingGnu) == ThreadingGnu ? "GNU OpenMP" : IntelOpenMp;
    }

    const string IntelOpenMp = "Intel OpenMP";

    /// <summary>
    /// Puts MKL in strict reproducible mode (MKL_CBWR_Set(AUTO | STRICT)), unless MKL_CBWR is set, which MKL reads
    /// itself and a call would override; it must come before any computation.
    /// </summary>
    static string ChooseCbwr(IntPtr handle)
    {
        if (Environment.GetEnvironmentVariable("MKL_CBWR") is { Length: > 0 } asked) return $"MKL_CBWR={asked}";
        // The C entry point (mkl_cbwr_set is the Fortran one, taking its argument by reference).
        if (!NativeLibrary.TryGetExport(handle, "MKL_CBWR_Set", out var set)) return "";
        return ((delegate* unmanaged[Cdecl]<int, int>)set)(CbwrAuto | CbwrStrict) == CbwrSuccess ? "reproducible" : "";
    }

    // MKL loads its GNU layer, libmkl_gnu_thread.so, from libmkl_rt.so's folder on first use, and ends the process if it
    // is missing; it cannot be test-loaded on its own (it needs MKL's core), so its file is looked for there.
    static bool GnuLayerInstalled()
    {
        try
        {
            var rt = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                         .Where(f => f.Length >= 6 && f[5].Contains("libmkl_rt", StringComparison.Ordinal)).Select(f => f[5]).FirstOrDefault();
            return rt is not null && File.Exists(Path.Combine(Path.GetDirectoryName(rt)!, "libmkl_gnu_thread.so"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>MKL's threading layer: "GNU OpenMP", "Intel OpenMP", or the MKL_THREADING_LAYER setting that chose it.</summary>
    public static string ThreadingLayer { get; } = IntelOpenMp;

    /// <summary>The library name that loaded, or null.</summary>
    public static string? Library { get; }

    /// <summary>Why MKL is not available, or null when it is.</summary>
    public static string? LoadError { get; }

    /// <summary>
    /// MKL's reproducibility mode: "reproducible" when Nabla set strict conditional numerical reproducibility (same
    /// bits run to run), the MKL_CBWR setting that chose it instead, or "" when MKL could not set it.
    /// </summary>
    public static string Cbwr { get; } = "";

    /// <summary>True when the CBLAS entry points are bound.</summary>
    public static bool IsLoaded => Library is not null;

    /// <summary>MKL's thread count (mkl_get_max_threads), or 0 when unknown.</summary>
    public static int MaxThreads => maxThreads is null ? 0 : maxThreads();

    /// <summary>C = α·op(A)·op(B) + β·C in row-major storage (cblas_sgemm); the caller checks the sizes.</summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc)
    {
        fixed (float* pa = a, pb = b, pc = c)
            sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    /// <summary>
    /// C[i] = op(A[i])·op(B[i]) for each of <paramref name="batch"/> row-major matrices laid one after another
    /// (cblas_sgemm_batch_strided, or one cblas_sgemm per matrix where that is missing); the caller checks the sizes.
    /// </summary>
    public static void GemmBatched(bool transA, bool transB, int batch, int m, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c, int ldc)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            var (ta, tb) = (transA ? Trans : NoTrans, transB ? Trans : NoTrans);
            if (sgemmStrided is not null) sgemmStrided(RowMajor, ta, tb, m, n, k, 1, pa, lda, m * k, pb, ldb, k * n, 0, pc, ldc, m * n, batch);
            else for (var i = 0; i < batch; i++) sgemm(RowMajor, ta, tb, m, n, k, 1, pa + (long)i * m * k, lda, pb + (long)i * k * n, ldb, 0, pc + (long)i * m * n, ldc);
        }
    }

    /// <summary>As the single-precision overload, in double precision (cblas_dgemm_batch_strided).</summary>
    public static void GemmBatched(bool transA, bool transB, int batch, int m, int n, int k, double[] a, int lda, double[] b, int ldb, double[] c, int ldc)
    {
        fixed (double* pa = a, pb = b, pc = c)
        {
            var (ta, tb) = (transA ? Trans : NoTrans, transB ? Trans : NoTrans);
            if (dgemmStrided is not null) dgemmStrided(RowMajor, ta, tb, m, n, k, 1, pa, lda, m * k, pb, ldb, k * n, 0, pc, ldc, m * n, batch);
            else for (var i = 0; i < batch; i++) dgemm(RowMajor, ta, tb, m, n, k, 1, pa + (long)i * m * k, lda, pb + (long)i * k * n, ldb, 0, pc + (long)i * m * n, ldc);
        }
    }

    /// <summary>C = α·op(A)·op(B) + β·C in row-major storage (cblas_dgemm); the caller checks the sizes.</summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        fixed (double* pa = a, pb = b, pc = c)
            dgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }
}
