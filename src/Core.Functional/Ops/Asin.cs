namespace Nabla.Core;

/// <summary>y = arcsin x (NaN outside [−1, 1]). ∂y/∂x = 1/√(1 − x²).</summary>
public sealed class Asin() : UnaryOp<Asin>("AsinBackward0", UnaryKernel.Asin, Saves.Tensors,
    (x, y, t) => from s in Asin.InverseCosine(x!) from r in Mul.Apply(t, s) select r)
{
    /// <summary>1/√(1 − x²), the derivative of arcsin (and minus that of arccos), as PyTorch's rsqrt(1 − x·x).</summary>
    internal static Reader<GradEnv, Expr> InverseCosine(Expr x) =>
        from sq in Mul.Apply(x, x)
        from d in Sub.Apply(Expr.Scalar(1, sq.DType), sq)
        from r in Rsqrt.Apply(d)
        select r;
}
