using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = mask ? a : b for a fixed mask of the broadcast shape. ā = mask ? ȳ : 0, b̄ = mask ? 0 : ȳ; ẏ = mask ? ȧ : ḃ.
/// </summary>
public sealed class Where : Op<bool[]>
{
    static readonly Where Rule = new();

    /// <inheritdoc/>
    public override string Name => "WhereBackward0";

    /// <summary>Elementwise selection; a and b broadcast to the mask's shape, which is their broadcast shape.</summary>
    public static Reader<GradEnv, Expr> Apply(bool[] mask, Expr a, Expr b) =>
        env =>
        {
            var shape = Shape.Broadcast(a.Shape, b.Shape, "where");
            var y = Elementwise.Where(mask, Layout.Expand(a.Value, shape), Layout.Expand(b.Value, shape));
            return Rule.Record(env, y, mask, a, b);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(bool[] mask, Expr? y, Expr yBar, int input)
    {
        var zero = Expr.Scalar(0, yBar.DType);
        return input == 0 ? Apply(mask, yBar, zero) : Apply(mask, zero, yBar);
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(bool[] mask, Expr? y, Shape shape, Expr?[] xDots)
    {
        // A zero tangent is a 0-dimensional zero, so the other one is first broadcast to the mask's shape.
        var zero = Expr.Scalar(0, (xDots[0] ?? xDots[1])!.DType);
        Reader<GradEnv, Expr> Full(Expr? xDot) => xDot is null ? Pure(zero) : Expand.Apply(xDot, shape);
        return from aDot in Full(xDots[0]) from bDot in Full(xDots[1]) from r in Apply(mask, aDot, bDot) select r;
    }
}
