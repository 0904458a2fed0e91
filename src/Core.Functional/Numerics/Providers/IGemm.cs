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
}
