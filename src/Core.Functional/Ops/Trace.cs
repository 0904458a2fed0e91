namespace Nabla.Core;

/// <summary>y = Σᵢ x[i, i] of a matrix: linear, with adjoint x̄ = ȳ on the diagonal of zeros of x's shape.</summary>
public sealed class Trace() : LinearOp<Shape>("TraceBackward0", Saves.Shapes)
{
    static readonly Trace Rule = new();

    /// <summary>The sum of the main diagonal of a matrix, a 0-dimensional result.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => x.Shape.Rank == 2
            ? Rule.Record(env, Reductions.SumAll(Layout.Diagonal(x.Value, 0, 0, 1)), x.Shape, x)
            : throw new ArgumentException($"trace: expected a matrix, but got tensor with dim {x.Shape.Rank} (shape {x.Shape})");

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) =>
        from d in Expand.Apply(yBar, Shape.Of(Math.Min(input[0], input[1])))
        from r in DiagonalScatter.Apply(d, input, 0, 0, 1)
        select r;
}
