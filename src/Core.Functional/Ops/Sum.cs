using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = Σ x over all elements: linear, with adjoint x̄ = ȳ broadcast to x's shape.</summary>
public sealed class Sum() : LinearOp<Shape>("SumBackward0", Saves.Shapes)
{
    static readonly Sum Rule = new();

    /// <summary>Σ x, a 0-dimensional result.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Reductions.SumAll(x.Value), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) => Expand.Apply(yBar, input);
}

/// <summary>
/// y = Σ x over one dimension, kept as size 1 with keepDim: linear, with adjoint x̄ = ȳ (unsqueezed) broadcast to x's shape.
/// </summary>
public sealed class SumDim() : LinearOp<(Shape Shape, int Dim, bool KeepDim)>("SumBackward1", Saves.Shapes)
{
    static readonly SumDim Rule = new();

    /// <summary>Σ x over <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, bool keepDim = false) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "sum");
            return Rule.Record(env, Reductions.SumDim(x.Value, d, keepDim), (x.Shape, d, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Shape, int Dim, bool KeepDim) s, Expr yBar) => Spread(s, yBar);

    /// <summary>ȳ of the reduced shape (unsqueezed unless kept) broadcast back over the reduced dimension to x's shape.</summary>
    internal static Reader<GradEnv, Expr> Spread((Shape Shape, int Dim, bool KeepDim) s, Expr yBar) =>
        s.KeepDim || s.Shape.Rank == 0
            ? Expand.Apply(yBar, s.Shape)
            : from k in Reshape.Apply(yBar, s.Shape.Reduce(s.Dim, keepDim: true)) from r in Expand.Apply(k, s.Shape) select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Shape, int Dim, bool KeepDim) s, Shape shape, Expr t) =>
        Apply(t, s.Dim, s.KeepDim);
}
