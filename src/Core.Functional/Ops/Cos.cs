using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = cos x. x̄ = −ȳ ⊙ sin x; ẏ = −sin x ⊙ ẋ.</summary>
public sealed class Cos : Op<Expr>
{
    static readonly Cos Rule = new();

    /// <inheritdoc/>
    public override string Name => "CosBackward0";


    /// <summary>cos x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Cos, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Expr saved, Expr? y, Expr yBar, int input) =>
        from s in Sin.Apply(saved) from g in Mul.Apply(yBar, s) from r in Neg.Apply(g) select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Expr saved, Expr? y, Shape shape, Expr?[] xDots) =>
        from s in Sin.Apply(saved) from g in Mul.Apply(xDots[0]!, s) from r in Neg.Apply(g) select r;
}
