namespace Nabla.Core;

/// <summary>y = x broadcast to a larger shape: linear, with adjoint x̄ = ȳ summed back to x's shape (<see cref="SumTo"/>).</summary>
public sealed class Expand() : LinearOp<Shape>("ExpandBackward0", Saves.Shapes, isView: true)
{
    static readonly Expand Rule = new();

    /// <summary>x broadcast to <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        x.Shape.Equals(shape) ? Reading.Pure(x) : env => Rule.Record(env, Layout.Expand(x.Value, shape), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) => SumTo.Apply(yBar, input);
}

/// <summary>
/// y = x summed down to a shape that broadcasts to x's: linear, the adjoint of <see cref="Expand"/>, whose adjoint is
/// x̄ = ȳ broadcast back.
/// </summary>
public sealed class SumTo() : LinearOp<Shape>("SumBackward1", Saves.Shapes)
{
    static readonly SumTo Rule = new();

    /// <summary>x summed down to <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        env => Rule.Record(env, Reductions.SumTo(x.Value, shape), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) => Expand.Apply(yBar, input);
}
