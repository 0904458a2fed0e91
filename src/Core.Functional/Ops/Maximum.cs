namespace Nabla.Core;

/// <summary>
/// y = max(a, b) elementwise, broadcasting (NaN propagating; two Int64 operands stay Int64). ∂y/∂a = 1 where a &gt; b,
/// 0 where a &lt; b, ½ at a tie, and ∂y/∂b the rest, as PyTorch 1.13 (each input gets half the gradient at a tie).
/// </summary>
public sealed class Maximum() : ElementwiseOp<(NdArray A, NdArray B)>("MaximumBackward0")
{
    static readonly Maximum Rule = new();

    /// <summary>The elementwise maximum, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Pairwise(PairKernel.Maximum, a.Value, b.Value, "maximum"), (a.Value, b.Value), a, b);

    /// <summary>t ⊙ the input's share of the gradient (a constant: its derivative is zero almost everywhere).</summary>
    protected internal override Reader<GradEnv, Expr> Partial((NdArray A, NdArray B) saved, Expr? y, int input, Expr t) =>
        Mul.Apply(t, Expr.Constant(Elementwise.ExtremumShare(true, input, saved.A, saved.B, t.DType)));
}

/// <summary>
/// y = min(a, b) elementwise, broadcasting (NaN propagating; two Int64 operands stay Int64). ∂y/∂a = 1 where a &lt; b,
/// 0 where a &gt; b, ½ at a tie, and ∂y/∂b the rest, as PyTorch 1.13 (each input gets half the gradient at a tie).
/// </summary>
public sealed class Minimum() : ElementwiseOp<(NdArray A, NdArray B)>("MinimumBackward0")
{
    static readonly Minimum Rule = new();

    /// <summary>The elementwise minimum, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Pairwise(PairKernel.Minimum, a.Value, b.Value, "minimum"), (a.Value, b.Value), a, b);

    /// <summary>t ⊙ the input's share of the gradient (a constant: its derivative is zero almost everywhere).</summary>
    protected internal override Reader<GradEnv, Expr> Partial((NdArray A, NdArray B) saved, Expr? y, int input, Expr t) =>
        Mul.Apply(t, Expr.Constant(Elementwise.ExtremumShare(false, input, saved.A, saved.B, t.DType)));
}
