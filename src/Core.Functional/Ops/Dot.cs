using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = Σᵢ aᵢbᵢ for two vectors. ā = ȳ·b, b̄ = ȳ·a; ẏ = ȧ·b + a·ḃ.</summary>
public sealed class Dot : Op<(Expr A, Expr B)>
{
    static readonly Dot Rule = new();

    /// <inheritdoc/>
    public override string Name => "DotBackward0";

    /// <summary>The inner product of two 1-D tensors of equal length (exact for two Int64 operands, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env =>
        {
            if (a.Shape.Rank != 1 || b.Shape.Rank != 1)
                throw new ArgumentException($"dot: 1D tensors expected, but got {a.Shape.Rank}D and {b.Shape.Rank}D tensors (shapes {a.Shape} and {b.Shape})");
            if (a.Shape[0] != b.Shape[0])
                throw new ArgumentException($"dot: inconsistent tensor size, shapes {a.Shape} and {b.Shape} have {a.Shape[0]} and {b.Shape[0]} elements");
            var dtype = DTypes.Promote(a.DType, b.DType);
            return Rule.Record(env, Gemm.Dot(a.Value.Cast(dtype), b.Value.Cast(dtype)), (a, b), a, b);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr A, Expr B) saved, Expr? y, Expr yBar, int input) =>
        input == 0 ? Mul.Apply(yBar, saved.B) : Mul.Apply(yBar, saved.A);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr A, Expr B) saved, Expr? y, Shape shape, Expr?[] xDots) =>
        Bilinear.Jvp(Apply, saved.A, saved.B, xDots[0], xDots[1]);
}
