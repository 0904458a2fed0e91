namespace Nabla.Core;

/// <summary>y = cosh x. ∂y/∂x = sinh x.</summary>
public sealed class Cosh() : UnaryOp<Cosh>("CoshBackward0", UnaryKernel.Cosh, Saves.Tensors,
    (x, y, t) => from s in Sinh.Apply(x!) from r in Mul.Apply(t, s) select r);
