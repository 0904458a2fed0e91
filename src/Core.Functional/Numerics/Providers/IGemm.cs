namespace Nabla.Core.Numerics.Providers;

/// <summary>
/// The numerics boundary every matrix product goes through: C = α·op(A)·op(B) + β·C for dense row-major buffers,
/// where op(A) is m×k, op(B) is k×n and C is m×n, and op transposes when asked (the operand is then stored k×m or
/// n×k and read transposed, at no cost). Each buffer holds exactly its matrix; β = 0 overwrites C whatever it held.
/// <see cref="Provider"/> chooses one implementation per process: <see cref="MklGemm"/> or <see cref="ManagedGemm"/>.
/// </summary>
internal interface IGemm
{
    /// <summary>"mkl" or "managed": the value of NABLA_PROVIDER that asks for this implementation.</summary>
    string Name { get; }

    /// <summary>One line for logs, starting with <see cref="Name"/>, e.g. <c>mkl: Intel MKL (libmkl_rt.so, 2 threads, GNU OpenMP, reproducible)</c>.</summary>
    string Description { get; }

    /// <summary>C = α·op(A)·op(B) + β·C in single precision (row-major; op(A) m×k, op(B) k×n).</summary>
    void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c);

    /// <summary>C = α·op(A)·op(B) + β·C in double precision (row-major; op(A) m×k, op(B) k×n).</summary>
    void Multiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c);

    /// <summary>
    /// C[i] = op(A[i])·op(B[i]) for i &lt; batch, the stacks contiguous (A[i] at i·m·k, B[i] at i·k·n, C[i] at i·m·n).
    /// By default each matrix is copied out, multiplied and copied back.
    /// </summary>
    void MultiplyBatched(bool transposeA, bool transposeB, int batch, int m, int n, int k, float[] a, float[] b, float[] c) =>
        Stacked(this, transposeA, transposeB, batch, m, n, k, a, b, c, (g, ai, bi, ci) => g.Multiply(transposeA, transposeB, m, n, k, 1f, ai, bi, 0f, ci));

    /// <summary>As the single-precision overload, in double precision.</summary>
    void MultiplyBatched(bool transposeA, bool transposeB, int batch, int m, int n, int k, double[] a, double[] b, double[] c) =>
        Stacked(this, transposeA, transposeB, batch, m, n, k, a, b, c, (g, ai, bi, ci) => g.Multiply(transposeA, transposeB, m, n, k, 1d, ai, bi, 0d, ci));

    private static void Stacked<T>(IGemm gemm, bool ta, bool tb, int batch, int m, int n, int k, T[] a, T[] b, T[] c, Action<IGemm, T[], T[], T[]> multiply)
    {
        var (ai, bi, ci) = (new T[m * k], new T[k * n], new T[m * n]);
        for (var i = 0; i < batch; i++)
        {
            Array.Copy(a, i * m * k, ai, 0, ai.Length);
            Array.Copy(b, i * k * n, bi, 0, bi.Length);
            multiply(gemm, ai, bi, ci);
            Array.Copy(ci, 0, c, i * m * n, ci.Length);
        }
    }
}
