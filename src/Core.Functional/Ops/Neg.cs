using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = −x. ∂y/∂x = −1.</summary>
public sealed class Neg() : ElementwiseOp<Unit>("NegBackward0", Saves.Shapes)
{
    static readonly Neg Rule = new();

    /// <summary>−x.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Neg, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => Apply(t);
}
