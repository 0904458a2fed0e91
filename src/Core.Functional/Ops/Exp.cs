namespace Nabla.Core;

/// <summary>y = eˣ. ∂y/∂x = y.</summary>
public sealed class Exp() : UnaryOp<Exp>("ExpBackward0", UnaryKernel.Exp, Saves.Output, (x, y, t) => Mul.Apply(t, y!));
