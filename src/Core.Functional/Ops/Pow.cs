using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = xᵖ for a scalar p. x̄ = ȳ ⊙ p·xᵖ⁻¹, ẏ = p·xᵖ⁻¹ ⊙ ẋ (both 0 when p = 0, as PyTorch).</summary>
public sealed class Pow : Op<(Expr X, double P)>
{
    static readonly Pow Rule = new();

    /// <inheritdoc/>
    public override string Name => "PowBackward0";

    /// <summary>xᵖ elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, double p) =>
        env => Rule.Record(env, Elementwise.PowScalar(x.Value, p), (x, p), x);

    /// <summary>
    /// xᵖ for an integer p: an Int64 x stays Int64, computed exactly by squaring and wrapping on overflow as PyTorch's
    /// integer pow (for p &lt; 0: 1 and −1 give ±1, anything else 0); a floating x as <see cref="Apply(Expr, double)"/>.
    /// </summary>
    internal static Reader<GradEnv, Expr> Apply(Expr x, long p) =>
        x.DType.IsFloating() ? Apply(x, (double)p) : env => Rule.Record(env, Elementwise.PowInteger(x.Value, p), (x, (double)p), x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, double P) saved, Expr? y, Expr yBar, int input) =>
        saved.P == 0
            ? Pure(Expr.Constant(NdArray.Full(saved.X.Shape, 0, yBar.DType)))
            : from t in Apply(saved.X, saved.P - 1)
              from d in Mul.Apply(t, Expr.Scalar(saved.P, t.DType))
              from r in Mul.Apply(yBar, d)
              select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, double P) saved, Expr? y, Shape shape, Expr?[] xDots) =>
        saved.P == 0
            ? Pure(Expr.Constant(NdArray.Full(shape, 0, xDots[0]!.DType)))
            : from t in Apply(saved.X, saved.P - 1)
              from d in Mul.Apply(t, Expr.Scalar(saved.P, t.DType))
              from r in Mul.Apply(xDots[0]!, d)
              select r;
}

/// <summary>
/// y = xᵉ for a tensor exponent, broadcasting (two Int64 operands give Int64, as <see cref="Pow.Apply(Expr, long)"/>). x̄ = ȳ ⊙ e·xᵉ⁻¹ (0 where e = 0);
/// ē = ȳ ⊙ y·ln x (0 where x = 0 and e ≥ 0, as PyTorch). ẏ = e·xᵉ⁻¹ ⊙ ẋ + y·ln x ⊙ ė, each term zeroed where
/// its VJP is.
/// </summary>
public sealed class PowTensor : Op<(Expr X, Expr E)>
{
    static readonly PowTensor Rule = new();

    /// <inheritdoc/>
    public override string Name => "PowBackward1";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>xᵉ elementwise, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Expr e) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Pow, x.Value, e.Value, "pow"), (x, e), x, e);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, Expr E) saved, Expr? y, Expr yBar, int input)
    {
        var (x, e) = saved;
        var zero = Expr.Scalar(0, yBar.DType);
        return input == 0
            ? from em1 in Sub.Apply(e, Expr.Scalar(1, e.DType))
              from t in Apply(x, em1)
              from d in Mul.Apply(e, t)
              from g in Mul.Apply(yBar, d)
              from r in Where.Apply(Elementwise.Mask(MaskKind.RightZero, x.Value, e.Value), zero, g)
              select r
            : from lx in Log.Apply(x)
              from d in Mul.Apply(y!, lx)
              from g in Mul.Apply(yBar, d)
              from r in Where.Apply(Elementwise.Mask(MaskKind.LeftZeroRightNonNegative, x.Value, e.Value), zero, g)
              select r;
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, Expr E) saved, Expr? y, Shape shape, Expr?[] xDots)
    {
        var (x, e) = saved;
        Reader<GradEnv, Expr> Base(Expr xDot) =>
            from em1 in Sub.Apply(e, Expr.Scalar(1, e.DType))
            from t in Apply(x, em1)
            from d in Mul.Apply(e, t)
            from g in Mul.Apply(xDot, d)
            from r in Where.Apply(Elementwise.Mask(MaskKind.RightZero, x.Value, e.Value), Expr.Scalar(0, g.DType), g)
            select r;
        Reader<GradEnv, Expr> Exponent(Expr eDot) =>
            from lx in Log.Apply(x)
            from d in Mul.Apply(y!, lx)
            from g in Mul.Apply(eDot, d)
            from r in Where.Apply(Elementwise.Mask(MaskKind.LeftZeroRightNonNegative, x.Value, e.Value), Expr.Scalar(0, g.DType), g)
            select r;
        return (xDots[0], xDots[1]) switch
        {
            ({ } xDot, null) => Base(xDot),
            (null, { } eDot) => Exponent(eDot),
            (var xDot, var eDot) => from l in Base(xDot!) from r in Exponent(eDot!) from s in Add.Apply(l, r) select s,
        };
    }
}
