namespace Nabla.Core;

/// <summary>y = −x. ∂y/∂x = −1.</summary>
public sealed class Neg() : UnaryOp<Neg>("NegBackward0", UnaryKernel.Neg, Saves.Shapes, (x, y, t) => Apply(t));
