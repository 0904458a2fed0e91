namespace Nabla.Core;

/// <summary>y = tan x. ∂y/∂x = 1 + y².</summary>
public sealed class Tan() : UnaryOp<Tan>("TanBackward0", UnaryKernel.Tan, Saves.Output,
    (x, y, t) => from sq in Mul.Apply(y!, y!) from d in Add.Apply(sq, Expr.Scalar(1, sq.DType)) from r in Mul.Apply(t, d) select r);
