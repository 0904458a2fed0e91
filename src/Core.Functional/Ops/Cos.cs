using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = cos x. ∂y/∂x = −sin x.</summary>
public sealed class Cos() : ElementwiseOp<Expr>("CosBackward0")
{
    static readonly Cos Rule = new();

    /// <summary>cos x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Cos, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Expr x, Expr? y, int input, Expr t) =>
        from s in Sin.Apply(x) from g in Mul.Apply(t, s) from r in Neg.Apply(g) select r;
}
