namespace Nabla.Core;

/// <summary>y = |x|. ∂y/∂x = sign(x) (0 at 0, as PyTorch).</summary>
public sealed class Abs() : UnaryOp<Abs>("AbsBackward0", UnaryKernel.Abs, Saves.Tensors,
    (x, y, t) => Mul.Apply(t, Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, x!.Value))));
