namespace Nabla.Core;

/// <summary>y = sinh x. ∂y/∂x = cosh x.</summary>
public sealed class Sinh() : UnaryOp<Sinh>("SinhBackward0", UnaryKernel.Sinh, Saves.Tensors,
    (x, y, t) => from c in Cosh.Apply(x!) from r in Mul.Apply(t, c) select r);
