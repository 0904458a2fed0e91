using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = x broadcast to a larger shape. x̄ = ȳ summed back to x's shape; ẏ = ẋ broadcast likewise.</summary>
public sealed class Expand : Op<Shape>
{
    static readonly Expand Rule = new();

    /// <inheritdoc/>
    public override string Name => "ExpandBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <inheritdoc/>
    protected internal override bool IsView => true;

    /// <summary>x broadcast to <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        x.Shape.Equals(shape) ? Reading.Pure(x) : env => Rule.Record(env, Layout.Expand(x.Value, shape), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Shape shape, Expr? y, Expr yBar, int input) => SumTo.Apply(yBar, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Shape input, Expr? y, Shape shape, Expr?[] xDots) => Apply(xDots[0]!, shape);
}

/// <summary>
/// y = x summed down to a shape that broadcasts to x's (the adjoint of <see cref="Expand"/>). x̄ = ȳ broadcast back;
/// ẏ = ẋ summed down likewise.
/// </summary>
public sealed class SumTo : Op<Shape>
{
    static readonly SumTo Rule = new();

    /// <inheritdoc/>
    public override string Name => "SumBackward1";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>x summed down to <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        env => Rule.Record(env, Reductions.SumTo(x.Value, shape), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Shape shape, Expr? y, Expr yBar, int input) => Expand.Apply(yBar, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Shape input, Expr? y, Shape shape, Expr?[] xDots) => Apply(xDots[0]!, shape);
}
