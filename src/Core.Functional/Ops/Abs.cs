using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = |x|. x̄ = ȳ ⊙ sign(x), ẏ = sign(x) ⊙ ẋ (0 at 0).</summary>
public sealed class Abs : Op<Expr>
{
    static readonly Abs Rule = new();

    /// <inheritdoc/>
    public override string Name => "AbsBackward0";


    /// <summary>|x| elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Abs, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Expr saved, Expr? y, Expr yBar, int input) =>
        Mul.Apply(yBar, Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, saved.Value)));

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Expr saved, Expr? y, Shape shape, Expr?[] xDots) =>
        Mul.Apply(xDots[0]!, Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, saved.Value)));
}
