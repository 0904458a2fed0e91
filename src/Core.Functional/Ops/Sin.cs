using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>y = sin x. x̄ = ȳ ⊙ cos x; ẏ = cos x ⊙ ẋ.</summary>
public sealed class Sin : Op<Expr>
{
    static readonly Sin Rule = new();

    /// <inheritdoc/>
    public override string Name => "SinBackward0";


    /// <summary>sin x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Sin, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Expr saved, Expr? y, Expr yBar, int input) =>
        from c in Cos.Apply(saved) from r in Mul.Apply(yBar, c) select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Expr saved, Expr? y, Shape shape, Expr?[] xDots) =>
        from c in Cos.Apply(saved) from r in Mul.Apply(xDots[0]!, c) select r;
}
