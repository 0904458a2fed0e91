using System.Collections.Immutable;

namespace Nabla.Core;

/// <summary>
/// y = value where mask, else x (mask Bool, or nonzero of another dtype as PyTorch 1.13; broadcast with x; y has x's dtype). ∂y/∂x = ¬mask: the gradient is zero
/// where filled.
/// </summary>
public sealed class MaskedFill() : ElementwiseOp<(ImmutableArray<bool> Filled, Shape Shape)>("MaskedFillBackward0")
{
    static readonly MaskedFill Rule = new();

    /// <summary>x with <paramref name="value"/> (converted to x's dtype) where <paramref name="mask"/> is true.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, NdArray mask, double value) =>
        env =>
        {
            mask = mask.Cast(DType.Bool);   // PyTorch 1.13 still reads another dtype's nonzero elements as true
            var shape = Shape.Broadcast(x.Shape, mask.Shape, "masked_fill");
            var filled = Logic.Mask(mask, shape);
            var y = Elementwise.Where(filled.AsSpan(), NdArray.Full(shape, value, x.DType), Layout.Expand(x.Value, shape));
            return Rule.Record(env, y, (filled, shape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((ImmutableArray<bool> Filled, Shape Shape) s, Expr? y, int input, Expr t)
    {
        var zero = Expr.Scalar(0, t.DType);
        return from full in Expand.Apply(t, s.Shape)
               from r in Where.Apply(s.Filled, zero, full)
               select r;
    }
}
