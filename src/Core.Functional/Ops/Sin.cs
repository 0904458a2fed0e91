using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = sin x. ∂y/∂x = cos x.</summary>
public sealed class Sin() : ElementwiseOp<Expr>("SinBackward0")
{
    static readonly Sin Rule = new();

    /// <summary>sin x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Sin, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Expr x, Expr? y, int input, Expr t) =>
        from c in Cos.Apply(x) from r in Mul.Apply(t, c) select r;
}
