using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = x with dimensions d0 and d1 swapped: linear, and its own adjoint (x̄ = ȳ with them swapped back).</summary>
public sealed class Transpose(string name) : LinearOp<(int D0, int D1)>(name, Saves.Shapes, isView: true)
{
    static readonly Transpose Rule = new("TransposeBackward0"), TRule = new("TBackward0");

    /// <summary>x with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim0, int dim1) =>
        env =>
        {
            var (d0, d1) = (x.Shape.NormalizeDim(dim0, "transpose"), x.Shape.NormalizeDim(dim1, "transpose"));
            return Rule.Record(env, x.Shape.Rank < 2 ? x.Value : Layout.Transpose(x.Value, d0, d1), (d0, d1), x);
        };

    /// <summary>torch.t: the transpose of a matrix; vectors and scalars are returned as they are.</summary>
    public static Reader<GradEnv, Expr> T(Expr x) =>
        env => x.Shape.Rank <= 2
            ? TRule.Record(env, x.Shape.Rank < 2 ? x.Value : Layout.Transpose(x.Value, 0, 1), (0, Math.Max(0, x.Shape.Rank - 1)), x)
            : throw new ArgumentException($"t() expects a tensor with <= 2 dimensions, but self is {x.Shape.Rank}D (shape {x.Shape})");

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((int D0, int D1) dims, Shape shape, Expr t) => Apply(t, dims.D0, dims.D1);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((int D0, int D1) dims, Expr yBar) => Apply(yBar, dims.D0, dims.D1);
}
