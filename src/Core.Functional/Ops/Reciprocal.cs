using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = 1 / x. x̄ = −ȳ ⊙ y²; ẏ = −y² ⊙ ẋ.</summary>
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
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) =>
        from y2 in Mul.Apply(y!, y!)
             from g in Mul.Apply(yBar, y2)
             from r in Neg.Apply(g)
             select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) =>
        from y2 in Mul.Apply(y!, y!)
        from g in Mul.Apply(xDots[0]!, y2)
        from r in Neg.Apply(g)
        select r;
}
