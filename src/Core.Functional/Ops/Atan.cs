namespace Nabla.Core;

/// <summary>y = arctan x. ∂y/∂x = 1/(1 + x²).</summary>
public sealed class Atan() : UnaryOp<Atan>("AtanBackward0", UnaryKernel.Atan, Saves.Tensors,
    (x, y, t) => from sq in Mul.Apply(x!, x!) from d in Add.Apply(sq, Expr.Scalar(1, sq.DType)) from r in Div.Apply(t, d) select r);
