using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = √x. ∂y/∂x = 1/(2y).</summary>
public sealed class Sqrt() : ElementwiseOp<Unit>("SqrtBackward0", Saves.Output)
{
    static readonly Sqrt Rule = new();

    /// <summary>√x elementwise (NaN below 0).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Sqrt, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) =>
        from twoY in Mul.Apply(y!, Expr.Scalar(2, y!.DType)) from r in Div.Apply(t, twoY) select r;
}
