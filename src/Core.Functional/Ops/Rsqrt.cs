namespace Nabla.Core;

/// <summary>y = 1/√x (NaN below 0, ±∞ at ±0). ∂y/∂x = −y³/2.</summary>
public sealed class Rsqrt() : UnaryOp<Rsqrt>("RsqrtBackward0", UnaryKernel.Rsqrt, Saves.Output,
    (x, y, t) => from sq in Mul.Apply(y!, y!)
                 from cube in Mul.Apply(sq, y!)
                 from d in Mul.Apply(cube, Expr.Scalar(-0.5, cube.DType))
                 from r in Mul.Apply(t, d)
                 select r);
