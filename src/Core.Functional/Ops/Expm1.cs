namespace Nabla.Core;

/// <summary>y = eˣ − 1, accurate for small x. ∂y/∂x = y + 1.</summary>
public sealed class Expm1() : UnaryOp<Expm1>("Expm1Backward0", UnaryKernel.Expm1, Saves.Output,
    (x, y, t) => from d in Add.Apply(y!, Expr.Scalar(1, y!.DType)) from r in Mul.Apply(t, d) select r);
