using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>Y = A·B for matrices A [m,k] and B [k,n]. Ā = Ȳ·Bᵀ, B̄ = Aᵀ·Ȳ; Ẏ = Ȧ·B + A·Ḃ.</summary>
public sealed class Mm : Op<(Expr A, Expr B)>
{
    static readonly Mm Rule = new();

    /// <inheritdoc/>
    public override string Name => "MmBackward0";

    /// <summary>The matrix product of two 2-D tensors (dtypes promote to a common floating dtype).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env =>
        {
            if (a.Shape.Rank != 2 || b.Shape.Rank != 2)
                throw new ArgumentException(
                    $"mm: expected 2-D tensors, got shapes {a.Shape} and {b.Shape}");
            if (a.Shape[1] != b.Shape[0])
                throw new ArgumentException(
                    $"mm: mat1 and mat2 shapes cannot be multiplied ({a.Shape[0]}x{a.Shape[1]} and {b.Shape[0]}x{b.Shape[1]})");
            var dtype = DTypes.Promote(a.DType, b.DType).ToFloating();
            var y = Gemm.MatMul(Layout.Cast(a.Value, dtype), Layout.Cast(b.Value, dtype));
            return Rule.Record(env, y, (a, b), a, b);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr A, Expr B) saved, Expr? y, Expr yBar, int input) =>
        input == 0
            ? from bt in Transpose.Apply(saved.B, 0, 1) from r in Apply(yBar, bt) select r
            : from at in Transpose.Apply(saved.A, 0, 1) from r in Apply(at, yBar) select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr A, Expr B) saved, Expr? y, Shape shape, Expr?[] xDots) =>
        Bilinear.Jvp(Apply, saved.A, saved.B, xDots[0], xDots[1]);
}
