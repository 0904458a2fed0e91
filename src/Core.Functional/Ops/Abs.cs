using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = |x|. ∂y/∂x = sign x (0 at 0).</summary>
public sealed class Abs() : ElementwiseOp<Expr>("AbsBackward0")
{
    static readonly Abs Rule = new();

    /// <summary>|x| elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Abs, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Expr x, Expr? y, int input, Expr t) =>
        Mul.Apply(t, Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, x.Value)));
}
