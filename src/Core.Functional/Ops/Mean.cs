using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = (Σ x) / n over all n elements, for floating x. x̄ = ȳ / n broadcast to x's shape; ẏ = mean of ẋ.</summary>
public sealed class Mean : Op<Shape>
{
    static readonly Mean Rule = new();

    /// <inheritdoc/>
    public override string Name => "MeanBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>The mean of all elements, a 0-dimensional result.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Divide(Reductions.SumAll(Floating(x, "mean")), x.Shape.Numel), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Shape shape, Expr? y, Expr yBar, int input) =>
        from g in Div.Apply(yBar, Expr.Scalar(shape.Numel, yBar.DType)) from r in Expand.Apply(g, shape) select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Shape input, Expr? y, Shape shape, Expr?[] xDots) => Apply(xDots[0]!);

    internal static NdArray Floating(Expr x, string op) =>
        x.DType.IsFloating() ? x.Value
        : throw new ArgumentException(
            $"{op}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long");

    internal static NdArray Divide(NdArray sum, int n) =>
        Elementwise.Binary(BinaryKernel.Div, sum, NdArray.Scalar(n, sum.DType), "mean");
}

/// <summary>
/// y = mean of x over one dimension, kept as size 1 with keepDim. x̄ = ȳ / n (unsqueezed) broadcast to x's shape; ẏ = mean
/// of ẋ over the same dimension.
/// </summary>
public sealed class MeanDim : Op<(Shape Shape, int Dim, bool KeepDim)>
{
    static readonly MeanDim Rule = new();

    /// <inheritdoc/>
    public override string Name => "MeanBackward1";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>The mean over <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, bool keepDim = false) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "mean");
            var n = x.Shape.Rank == 0 ? 1 : x.Shape[d];
            var y = Mean.Divide(Reductions.SumDim(Mean.Floating(x, "mean"), d, keepDim), n);
            return Rule.Record(env, y, (x.Shape, d, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Shape Shape, int Dim, bool KeepDim) s, Expr? y, Expr yBar, int input)
    {
        var n = s.Shape.Rank == 0 ? 1 : s.Shape[s.Dim];
        var kept = s.Shape.Reduce(s.Dim, keepDim: true);
        return from g in Div.Apply(yBar, Expr.Scalar(n, yBar.DType))
                    from k in Reshape.Apply(g, kept)
                    from r in Expand.Apply(k, s.Shape)
                    select r;
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Shape Shape, int Dim, bool KeepDim) s, Expr? y, Shape shape, Expr?[] xDots) =>
        Apply(xDots[0]!, s.Dim, s.KeepDim);
}
