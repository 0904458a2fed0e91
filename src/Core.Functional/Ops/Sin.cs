namespace Nabla.Core;

/// <summary>y = sin x. ∂y/∂x = cos x.</summary>
public sealed class Sin() : UnaryOp<Sin>("SinBackward0", UnaryKernel.Sin, Saves.Tensors,
    (x, y, t) => from c in Cos.Apply(x!) from r in Mul.Apply(t, c) select r);
