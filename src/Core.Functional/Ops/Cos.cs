namespace Nabla.Core;

/// <summary>y = cos x. ∂y/∂x = −sin x.</summary>
public sealed class Cos() : UnaryOp<Cos>("CosBackward0", UnaryKernel.Cos, Saves.Tensors,
    (x, y, t) => from s in Sin.Apply(x!) from g in Mul.Apply(t, s) from r in Neg.Apply(g) select r);
