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
