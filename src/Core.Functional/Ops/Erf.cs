namespace Nabla.Core;

/// <summary>y = erf x = (2/√π) ∫₀ˣ e^(−s²) ds. ∂y/∂x = (2/√π)·e^(−x²).</summary>
public sealed class Erf() : UnaryOp<Erf>("ErfBackward0", UnaryKernel.Erf, Saves.Tensors,
    (x, y, t) => from sq in Mul.Apply(x!, x!)
                 from n in Neg.Apply(sq)
                 from e in Exp.Apply(n)
                 from d in Mul.Apply(e, Expr.Scalar(2 / Math.Sqrt(Math.PI), e.DType))
                 from r in Mul.Apply(t, d)
                 select r);
