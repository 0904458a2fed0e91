using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = ln x. ∂y/∂x = 1/x.</summary>
public sealed class Log() : ElementwiseOp<Expr>("LogBackward0")
{
    static readonly Log Rule = new();

    /// <summary>ln x elementwise (NaN below 0, −∞ at 0).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Log, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Expr x, Expr? y, int input, Expr t) => Div.Apply(t, x);
}
