using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = eˣ. ∂y/∂x = y.</summary>
public sealed class Exp() : ElementwiseOp<Unit>("ExpBackward0", Saves.Output)
{
    static readonly Exp Rule = new();

    /// <summary>eˣ elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Exp, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => Mul.Apply(t, y!);
}
