namespace Nabla.Core;

/// <summary>
/// Y[i] = op(A[i])·op(B[i]) for stacks A and B of equal batch size, where op transposes a stack's matrices when asked
/// (the BLAS reads them transposed; no copy): bilinear, with adjoints per matrix as <see cref="Mm"/>'s, Ā = Ȳ·op(B)ᵀ
/// and B̄ = op(A)ᵀ·Ȳ (transposed back for an operand read transposed).
/// </summary>
public sealed class Bmm() : BilinearOp<(Expr A, Expr B, bool TA, bool TB)>("BmmBackward0")
{
    static readonly Bmm Rule = new();

    /// <summary>The batched matrix product of two 3-D tensors with equal batch sizes (exact for two Int64 operands, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) => Apply(a, b, false, false);

    /// <summary>op(a[i])·op(b[i]) for each i, reading <paramref name="a"/>'s or <paramref name="b"/>'s matrices transposed when asked.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b, bool transposeA, bool transposeB) =>
        env =>
        {
            if (a.Shape.Rank != 3 || b.Shape.Rank != 3 || a.Shape[0] != b.Shape[0]
                || (transposeA ? a.Shape[1] : a.Shape[2]) != (transposeB ? b.Shape[2] : b.Shape[1]))
                throw new ArgumentException($"bmm: shapes {a.Shape} and {b.Shape} cannot be multiplied" +
                                            (transposeA || transposeB ? $" (read {(transposeA ? "a" : "")}{(transposeA && transposeB ? " and " : "")}{(transposeB ? "b" : "")} transposed)" : ""));
            var dtype = DTypes.Promote(a.DType, b.DType);
            return Rule.Record(env, Gemm.BatchMatMul(a.Value.Cast(dtype), transposeA, b.Value.Cast(dtype), transposeB),
                               (a, b, transposeA, transposeB), a, b);
        };

    /// <inheritdoc/>
    protected internal override (Expr A, Expr B) Operands((Expr A, Expr B, bool TA, bool TB) s) => (s.A, s.B);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Product((Expr A, Expr B, bool TA, bool TB) s, Expr a, Expr b) => Apply(a, b, s.TA, s.TB);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Expr A, Expr B, bool TA, bool TB) s, Expr yBar, int input) =>
        TransposedAdjoint(input, s.A, s.B, s.TA, s.TB, yBar, Apply);
}
