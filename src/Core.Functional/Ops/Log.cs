using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = ln x. x̄ = ȳ ⊘ x; ẏ = ẋ ⊘ x.</summary>
public sealed class Log : Op<Expr>
{
    static readonly Log Rule = new();

    /// <inheritdoc/>
    public override string Name => "LogBackward0";

    /// <summary>ln x elementwise (NaN below 0, −∞ at 0).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Log, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Expr x, Expr? y, Expr yBar, int input) => Div.Apply(yBar, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Expr x, Expr? y, Shape shape, Expr?[] xDots) => Div.Apply(xDots[0]!, x);
}
