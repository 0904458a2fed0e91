using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>
/// y = 1 / x. x̄ = −(ȳ ⊙ y) ⊙ y; ẏ = −(ẋ ⊙ y) ⊙ y. Scaling before squaring keeps the gradient finite wherever it is
/// representable: PyTorch's −ȳ ⊙ (y ⊙ y) overflows to −∞ for ȳ = 1e-30 at x = 1e-20 in Float32 (the gradient is −1e10)
/// and goes subnormal at x = 1e20.
/// </summary>
public sealed class Reciprocal : Op<Unit>
{
    static readonly Reciprocal Rule = new();

    /// <inheritdoc/>
    public override string Name => "ReciprocalBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>1 / x elementwise, in a floating dtype.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Div, NdArray.Scalar(1, x.DType.ToFloating()), x.Value, "reciprocal"), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) => Scaled(yBar, y!);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) => Scaled(xDots[0]!, y!);

    // −(t ⊙ y) ⊙ y, t a cotangent or a tangent.
    static Reader<GradEnv, Expr> Scaled(Expr t, Expr y) =>
        from ty in Mul.Apply(t, y)
        from g in Mul.Apply(ty, y)
        from r in Neg.Apply(g)
        select r;
}
