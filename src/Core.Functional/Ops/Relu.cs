using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = max(x, 0). x̄ = ȳ, ẏ = ẋ where y > 0, else 0.</summary>
public sealed class Relu : Op<Unit>
{
    static readonly Relu Rule = new();

    /// <inheritdoc/>
    public override string Name => "ReluBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>max(x, 0) elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Relu, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) =>
        Mul.Apply(yBar, Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, y!.Value)));

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) =>
        Mul.Apply(xDots[0]!, Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, y!.Value)));
}
