namespace Nabla.Core.Numerics.Providers;

/// <summary>
/// <see cref="IGemm"/> through Intel MKL's cblas_sgemm and cblas_dgemm (<see cref="MklNative"/>), row-major; the sizes
/// are checked before native code reads the buffers.
/// </summary>
internal sealed class MklGemm : IGemm
{
    MklGemm() { }

    /// <summary>MKL's GEMM, or a <see cref="DllNotFoundException"/> saying why libmkl_rt.so could not be loaded.</summary>
    public static IGemm Load() => MklNative.IsLoaded ? new MklGemm() : throw new DllNotFoundException(MklNative.LoadError);

    /// <summary>"mkl".</summary>
    public string Name => "mkl";

    /// <summary>The library, MKL's thread count, threading layer and reproducibility mode.</summary>
    public string Description =>
        $"mkl: Intel MKL ({MklNative.Library}, {MklNative.MaxThreads} threads, {MklNative.ThreadingLayer}{MklNative.Cbwr switch { "" => "", var mode => ", " + mode }})";

    /// <summary>C = α·op(A)·op(B) + β·C through cblas_sgemm.</summary>
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c)
    {
        Check(m, n, k, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0) return;
        MklNative.Gemm(transposeA, transposeB, m, n, k, alpha, a, Lead(transposeA, m, k), b, Lead(transposeB, k, n), beta, c, Math.Max(1, n));
    }

    /// <summary>C = α·op(A)·op(B) + β·C through cblas_dgemm.</summary>
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        Check(m, n, k, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0) return;
        MklNative.Gemm(transposeA, transposeB, m, n, k, alpha, a, Lead(transposeA, m, k), b, Lead(transposeB, k, n), beta, c, Math.Max(1, n));
    }

    /// <summary>The stack in one cblas_sgemm_batch_strided call, no copies.</summary>
    public void MultiplyBatched(bool transposeA, bool transposeB, int batch, int m, int n, int k, float[] a, float[] b, float[] c)
    {
        CheckStack(batch, m, n, k, a.Length, b.Length, c.Length);
        if (batch == 0 || m == 0 || n == 0) return;
        MklNative.GemmBatched(transposeA, transposeB, batch, m, n, k, a, Lead(transposeA, m, k), b, Lead(transposeB, k, n), c, Math.Max(1, n));
    }

    /// <summary>The stack in one cblas_dgemm_batch_strided call, no copies.</summary>
    public void MultiplyBatched(bool transposeA, bool transposeB, int batch, int m, int n, int k, double[] a, double[] b, double[] c)
    {
        CheckStack(batch, m, n, k, a.Length, b.Length, c.Length);
        if (batch == 0 || m == 0 || n == 0) return;
        MklNative.GemmBatched(transposeA, transposeB, batch, m, n, k, a, Lead(transposeA, m, k), b, Lead(transposeB, k, n), c, Math.Max(1, n));
    }

    // A stack of batch products must fill its buffers exactly, as one product's do.
    static void CheckStack(int batch, int m, int n, int k, int lengthA, int lengthB, int lengthC)
    {
        if (batch < 0 || (long)batch * m * k != lengthA || (long)batch * k * n != lengthB || (long)batch * m * n != lengthC)
            throw new ArgumentException(
                $"{batch} matrix products {m}x{k} times {k}x{n}: the buffers hold {lengthA}, {lengthB} and {lengthC} elements, " +
                $"not {(long)batch * m * k}, {(long)batch * k * n} and {(long)batch * m * n}");
        Check(m, n, k, m * k, k * n, m * n);
    }

    // A row-major operand that is rows×columns after op is stored columns×rows when transposed: its leading
    // dimension (the stored row length) is then `rows`, otherwise `columns`; BLAS wants at least 1.
    static int Lead(bool transposed, int rows, int columns) => Math.Max(1, transposed ? rows : columns);

    // MKL would read or write past a buffer smaller than its dimensions say.
    static void Check(int m, int n, int k, int lengthA, int lengthB, int lengthC)
    {
        if (m < 0 || n < 0 || k < 0 || lengthA != (long)m * k || lengthB != (long)k * n || lengthC != (long)m * n)
            throw new ArgumentException(
                $"matrix product {m}x{k} times {k}x{n}: the buffers hold {lengthA}, {lengthB} and {lengthC} elements, not {(long)m * k}, {(long)k * n} and {(long)m * n}");
    }
}
