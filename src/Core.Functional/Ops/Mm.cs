using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// Y = op(A)·op(B) for matrices, where op transposes A [k,m] or B [n,k] when asked (the BLAS reads them transposed, so
/// no transposed copy is made; PyTorch gets the same from strided views). For Y = A·B: Ā = Ȳ·Bᵀ, B̄ = Aᵀ·Ȳ; with op:
/// Ā = Ȳ·op(B)ᵀ (transposed back when A is read transposed) and B̄ = op(A)ᵀ·Ȳ (likewise); Ẏ = op(Ȧ)·op(B) + op(A)·op(Ḃ).
/// </summary>
public sealed class Mm() : BilinearOp<(Expr A, Expr B, bool TA, bool TB)>("MmBackward0")
{
    static readonly Mm Rule = new();

    /// <summary>The matrix product of two 2-D tensors (dtypes promote; two Int64 operands give an exact Int64 product, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) => Apply(a, b, false, false);

    /// <summary>op(a)·op(b), reading <paramref name="a"/> or <paramref name="b"/> transposed when asked.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b, bool transposeA, bool transposeB) =>
        env =>
        {
            if (a.Shape.Rank != 2 || b.Shape.Rank != 2)
                throw new ArgumentException(
                    $"mm: expected 2-D tensors, got shapes {a.Shape} and {b.Shape}");
            var (m, k) = transposeA ? (a.Shape[1], a.Shape[0]) : (a.Shape[0], a.Shape[1]);
            var (kb, n) = transposeB ? (b.Shape[1], b.Shape[0]) : (b.Shape[0], b.Shape[1]);
            if (k != kb)
                throw new ArgumentException($"mm: mat1 and mat2 shapes cannot be multiplied ({m}x{k} and {kb}x{n})");
            var dtype = DTypes.Promote(a.DType, b.DType);
            var y = Gemm.Product(Layout.Cast(a.Value, dtype), transposeA, Layout.Cast(b.Value, dtype), transposeB);
            return Rule.Record(env, y, (a, b, transposeA, transposeB), a, b);
        };

    /// <inheritdoc/>
    protected internal override (Expr A, Expr B) Operands((Expr A, Expr B, bool TA, bool TB) s) => (s.A, s.B);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Product((Expr A, Expr B, bool TA, bool TB) s, Expr a, Expr b) => Apply(a, b, s.TA, s.TB);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Expr A, Expr B, bool TA, bool TB) s, Expr yBar, int input) =>
        TransposedAdjoint(input, s.A, s.B, s.TA, s.TB, yBar, Apply);

}
