namespace Nabla.Core;

/// <summary>y = √x (NaN below 0). ∂y/∂x = 1/(2y).</summary>
public sealed class Sqrt() : UnaryOp<Sqrt>("SqrtBackward0", UnaryKernel.Sqrt, Saves.Output,
    (x, y, t) => from twoY in Mul.Apply(y!, Expr.Scalar(2, y!.DType)) from r in Div.Apply(t, twoY) select r);
