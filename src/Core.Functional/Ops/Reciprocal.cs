using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>
/// y = 1 / x. ∂y/∂x = −y², applied as −(t ⊙ y) ⊙ y: scaling before squaring keeps the gradient finite wherever it is
/// representable: PyTorch's −ȳ ⊙ (y ⊙ y) overflows to −∞ for ȳ = 1e-30 at x = 1e-20 in Float32 (the gradient is −1e10)
/// and goes subnormal at x = 1e20.
/// </summary>
public sealed class Reciprocal() : ElementwiseOp<Unit>("ReciprocalBackward0", Saves.Output)
{
    static readonly Reciprocal Rule = new();

    /// <summary>1 / x elementwise, in a floating dtype.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Div, NdArray.Scalar(1, x.DType.ToFloating()), x.Value, "reciprocal"), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) =>
        from ty in Mul.Apply(t, y!)
        from g in Mul.Apply(ty, y!)
        from r in Neg.Apply(g)
        select r;
}
