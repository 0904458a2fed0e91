using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = eˣ. x̄ = ȳ ⊙ y; ẏ = y ⊙ ẋ.</summary>
public sealed class Exp : Op<Unit>
{
    static readonly Exp Rule = new();

    /// <inheritdoc/>
    public override string Name => "ExpBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>eˣ elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Exp, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) => Mul.Apply(yBar, y!);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) => Mul.Apply(xDots[0]!, y!);
}
