namespace Nabla.Core;

/// <summary>y = arccos x (NaN outside [−1, 1]). ∂y/∂x = −1/√(1 − x²).</summary>
public sealed class Acos() : UnaryOp<Acos>("AcosBackward0", UnaryKernel.Acos, Saves.Tensors,
    (x, y, t) => from s in Asin.InverseCosine(x!) from g in Mul.Apply(t, s) from r in Neg.Apply(g) select r);
