using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = sign x: −1, 0 or 1 (0 for ±0 and NaN, as PyTorch's); an Int64 x stays Int64. ∂y/∂x = 0 (PyTorch's zero
/// gradient, also at 0).
/// </summary>
public sealed class Sign() : UnaryOp<Sign>("SignBackward0", UnaryKernel.Signum, Saves.Shapes, (x, y, t) => Rounding.Zero(t));

/// <summary>y = ⌊x⌋; an Int64 x stays Int64. ∂y/∂x = 0 (PyTorch's zero gradient, also at the integers).</summary>
public sealed class Floor() : UnaryOp<Floor>("FloorBackward0", UnaryKernel.Floor, Saves.Shapes, (x, y, t) => Rounding.Zero(t));

/// <summary>y = ⌈x⌉; an Int64 x stays Int64. ∂y/∂x = 0 (PyTorch's zero gradient, also at the integers).</summary>
public sealed class Ceil() : UnaryOp<Ceil>("CeilBackward0", UnaryKernel.Ceil, Saves.Shapes, (x, y, t) => Rounding.Zero(t));

/// <summary>
/// y = x rounded to the nearest integer, halves to even (round(2.5) = 2, as PyTorch's); an Int64 x stays Int64.
/// ∂y/∂x = 0 (PyTorch's zero gradient, also at the halves).
/// </summary>
public sealed class Round() : UnaryOp<Round>("RoundBackward0", UnaryKernel.Round, Saves.Shapes, (x, y, t) => Rounding.Zero(t));

/// <summary>The derivative the piecewise-constant ops share.</summary>
internal static class Rounding
{
    /// <summary>0 ⊙ t: zeros of t's shape and dtype, a constant.</summary>
    public static Reader<GradEnv, Expr> Zero(Expr t) => Pure(Expr.Constant(NdArray.Full(t.Shape, 0, t.DType)));
}

/// <summary>
/// y = x rounded to <c>decimals</c> decimal places (to tens, hundreds, … for negative ones), as PyTorch 1.13's
/// round(x, decimals=d): nearbyint(x·10ᵈ)/10ᵈ, or nearbyint(x/10⁻ᵈ)·10⁻ᵈ for d &lt; 0, in x's dtype (halves to even;
/// floating only). ∂y/∂x = 0 (PyTorch's zero gradient, RoundBackward1).
/// </summary>
public sealed class RoundDecimals() : ElementwiseOp<Unit>("RoundBackward1", Saves.Shapes)
{
    static readonly RoundDecimals Rule = new();

    /// <summary>x rounded to <paramref name="decimals"/> decimal places elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int decimals) =>
        env => Rule.Record(env, Elementwise.RoundDecimals(x.Value, decimals), Unit.Default, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => Rounding.Zero(t);
}
