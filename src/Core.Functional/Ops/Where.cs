using System.Collections.Immutable;

namespace Nabla.Core;

/// <summary>y = mask ? a : b for a fixed mask of the broadcast shape. ∂y/∂a = mask, ∂y/∂b = ¬mask.</summary>
public sealed class Where() : ElementwiseOp<(ImmutableArray<bool> Mask, Shape Shape)>("WhereBackward0")
{
    static readonly Where Rule = new();

    /// <summary>Elementwise selection; a and b broadcast to the mask's shape, which is their broadcast shape.</summary>
    public static Reader<GradEnv, Expr> Apply(ImmutableArray<bool> mask, Expr a, Expr b) =>
        env =>
        {
            var shape = Shape.Broadcast(a.Shape, b.Shape, "where");
            var y = Elementwise.Where(mask.AsSpan(), Layout.Expand(a.Value, shape), Layout.Expand(b.Value, shape));
            return Rule.Record(env, y, (mask, shape), a, b);
        };

    /// <inheritdoc/>
    // A tangent has its input's shape, so it is first broadcast to the mask's (a cotangent already has it).
    protected internal override Reader<GradEnv, Expr> Partial((ImmutableArray<bool> Mask, Shape Shape) s, Expr? y, int input, Expr t)
    {
        var zero = Expr.Scalar(0, t.DType);
        return from full in Expand.Apply(t, s.Shape)
               from r in input == 0 ? Apply(s.Mask, full, zero) : Apply(s.Mask, zero, full)
               select r;
    }
}
