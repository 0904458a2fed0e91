using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = xᵖ for a scalar p. ∂y/∂x = p·xᵖ⁻¹ (0 when p = 0, as PyTorch).</summary>
public sealed class Pow() : ElementwiseOp<(Expr X, double P)>("PowBackward0")
{
    static readonly Pow Rule = new();

    /// <summary>xᵖ elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, double p) =>
        env => Rule.Record(env, Elementwise.PowScalar(x.Value, p), (x, p), x);

    /// <summary>
    /// xᵖ for an integer p: an Int64 (or Bool) x gives Int64, computed exactly by squaring and wrapping on overflow as PyTorch's
    /// integer pow (for p &lt; 0: 1 and −1 give ±1, anything else 0); a floating x as <see cref="Apply(Expr, double)"/>.
    /// </summary>
    internal static Reader<GradEnv, Expr> Apply(Expr x, long p) =>
        x.DType.IsFloating() ? Apply(x, (double)p)
        : env => Rule.Record(env, Elementwise.PowInteger(x.Value.Cast(DType.Int64), p), (x, (double)p), x);   // Bool: as 1 and 0

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr X, double P) saved, Expr? y, int input, Expr t) =>
        saved.P == 0
            ? Pure(Expr.Constant(NdArray.Full(Shape.Broadcast(saved.X.Shape, t.Shape, "pow"), 0, t.DType)))
            : from d in Apply(saved.X, saved.P - 1)
              from pd in Mul.Apply(d, Expr.Scalar(saved.P, d.DType))
              from r in Mul.Apply(t, pd)
              select r;
}

/// <summary>
/// y = xᵉ for a tensor exponent, broadcasting (two Int64 operands give Int64, as <see cref="Pow.Apply(Expr, long)"/>).
/// ∂y/∂x = e·xᵉ⁻¹ (0 where e = 0), ∂y/∂e = y·ln x (0 where x = 0 and e ≥ 0), as PyTorch.
/// </summary>
public sealed class PowTensor() : ElementwiseOp<(Expr X, Expr E)>("PowBackward1", Saves.Output)
{
    static readonly PowTensor Rule = new();

    /// <summary>xᵉ elementwise, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Expr e) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Pow, x.Value, e.Value, "pow"), (x, e), x, e);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr X, Expr E) saved, Expr? y, int input, Expr t)
    {
        var (x, e) = saved;
        var zero = Expr.Scalar(0, t.DType);
        return input == 0
            ? from em1 in Sub.Apply(e, Expr.Scalar(1, e.DType))
              from p in Apply(x, em1)
              from d in Mul.Apply(e, p)
              from g in Mul.Apply(t, d)
              from r in Where.Apply(Elementwise.Mask(MaskKind.RightZero, x.Value, e.Value), zero, g)
              select r
            : from lx in Log.Apply(x)
              from d in Mul.Apply(y!, lx)
              from g in Mul.Apply(t, d)
              from r in Where.Apply(Elementwise.Mask(MaskKind.LeftZeroRightNonNegative, x.Value, e.Value), zero, g)
              select r;
    }
}
