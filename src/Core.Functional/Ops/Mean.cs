namespace Nabla.Core;

/// <summary>y = (Σ x) / n over all n elements, for floating x: linear, with adjoint x̄ = ȳ / n broadcast to x's shape.</summary>
public sealed class Mean() : LinearOp<Shape>("MeanBackward0", Saves.Shapes)
{
    static readonly Mean Rule = new();

    /// <summary>The mean of all elements, a 0-dimensional result.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Divide(Reductions.SumAll(Floating(x, "mean")), x.Shape.Numel), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) =>
        from g in Div.Apply(yBar, Expr.Scalar(input.Numel, yBar.DType)) from r in Expand.Apply(g, input) select r;

    internal static NdArray Floating(Expr x, string op) =>
        x.DType.IsFloating() ? x.Value
        : throw new ArgumentException(
            $"{op}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {x.DType.ScalarTypeName()}");

    internal static NdArray Divide(NdArray sum, int n) =>
        Elementwise.Binary(BinaryKernel.Div, sum, NdArray.Scalar(n, sum.DType), "mean");
}

/// <summary>
/// y = mean of x over one dimension of size n, kept as size 1 with keepDim: linear, with adjoint x̄ = ȳ / n
/// (unsqueezed) broadcast to x's shape.
/// </summary>
public sealed class MeanDim() : LinearOp<(Shape Shape, int Dim, bool KeepDim)>("MeanBackward1", Saves.Shapes)
{
    static readonly MeanDim Rule = new();

    /// <summary>The mean over <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, bool keepDim = false) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "mean");
            var y = Mean.Divide(Reductions.SumDim(Mean.Floating(x, "mean"), d, keepDim), Count(x.Shape, d));
            return Rule.Record(env, y, (x.Shape, d, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Shape, int Dim, bool KeepDim) s, Shape shape, Expr t) =>
        Apply(t, s.Dim, s.KeepDim);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Shape, int Dim, bool KeepDim) s, Expr yBar) =>
        from g in Div.Apply(yBar, Expr.Scalar(Count(s.Shape, s.Dim), yBar.DType)) from r in SumDim.Spread(s, g) select r;

    // n, the size of the dimension averaged over (1 for a 0-dimensional x).
    static int Count(Shape x, int dim) => x.Rank == 0 ? 1 : x[dim];
}

/// <summary>
/// y = the mean of x over several dimensions (all of them for an empty list, as PyTorch) of n elements in all, kept
/// as size 1 with keepDim: linear, with adjoint x̄ = ȳ / n (viewed with the kept shape) broadcast to x's shape.
/// </summary>
public sealed class MeanDims() : LinearOp<(Shape Shape, int[] Dims, bool KeepDim)>("MeanBackward1", Saves.Shapes)
{
    static readonly MeanDims Rule = new();

    /// <summary>The mean over <paramref name="dims"/> (negative ones count from the end; no dim twice).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] dims, bool keepDim = false) =>
        env =>
        {
            var ds = SumDims.Normalize(x.Shape, dims, "mean");
            var sum = Reductions.SumDims(Mean.Floating(x, "mean"), ds, SumDims.Reduced(x.Shape, ds, keepDim));
            return Rule.Record(env, Mean.Divide(sum, SumDims.Count(x.Shape, ds)), (x.Shape, ds, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Shape, int[] Dims, bool KeepDim) s, Shape shape, Expr t) =>
        Apply(t, s.Dims, s.KeepDim);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Shape, int[] Dims, bool KeepDim) s, Expr yBar) =>
        from g in Div.Apply(yBar, Expr.Scalar(SumDims.Count(s.Shape, s.Dims), yBar.DType)) from r in SumDims.Spread(s, g) select r;
}
