using MathNet.Numerics.Providers.LinearAlgebra;

namespace Nabla.Core.Numerics.Providers;

// Inside the namespace, so it wins over the op Nabla.Core.Transpose.
using Transpose = MathNet.Numerics.Providers.LinearAlgebra.Transpose;

/// <summary>
/// <see cref="IGemm"/> through MathNet's managed provider (<see cref="ManagedLinearAlgebraProvider"/>, called
/// directly: MathNet's global provider is neither read nor set), the fallback that is always there.
/// </summary>
/// <param name="reason">Why this one is in use rather than MKL, shown in <see cref="Description"/>.</param>
internal sealed class ManagedGemm(string reason) : IGemm
{
    static readonly ManagedLinearAlgebraProvider Managed = ManagedLinearAlgebraProvider.Instance;

    /// <summary>"managed".</summary>
    public string Name => "managed";

    /// <summary>Why this one is in use rather than MKL.</summary>
    public string Reason => reason;

    /// <summary>"managed: MathNet.Numerics managed provider; " and the reason.</summary>
    public string Description => $"managed: MathNet.Numerics managed provider; {reason}";

    // MathNet's provider is column-major, and row-major X is column-major Xᵀ: C = op(A)·op(B) is computed as
    // Cᵀ = op(B)ᵀ·op(A)ᵀ, whose column-major operands are B's and A's buffers with the same transpose flags.

    /// <summary>C = α·op(A)·op(B) + β·C in single precision.</summary>
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c)
    {
        var (rowsB, columnsB) = transposeB ? (k, n) : (n, k);
        var (rowsA, columnsA) = transposeA ? (m, k) : (k, m);
        Managed.MatrixMultiplyWithUpdate(Op(transposeB), Op(transposeA), alpha, b, rowsB, columnsB, a, rowsA, columnsA, beta, c);
    }

    /// <summary>C = α·op(A)·op(B) + β·C in double precision.</summary>
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        var (rowsB, columnsB) = transposeB ? (k, n) : (n, k);
        var (rowsA, columnsA) = transposeA ? (m, k) : (k, m);
        Managed.MatrixMultiplyWithUpdate(Op(transposeB), Op(transposeA), alpha, b, rowsB, columnsB, a, rowsA, columnsA, beta, c);
    }

    static Transpose Op(bool transposed) => transposed ? Transpose.Transpose : Transpose.DontTranspose;
}
