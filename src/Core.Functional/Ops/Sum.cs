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

/// <summary>
/// y = Σ x over several dimensions (all of them for an empty list, as PyTorch), each kept as size 1 with keepDim:
/// linear, with adjoint x̄ = ȳ (viewed with the kept shape) broadcast to x's shape.
/// </summary>
public sealed class SumDims() : LinearOp<(Shape Shape, int[] Dims, bool KeepDim)>("SumBackward1", Saves.Shapes)
{
    static readonly SumDims Rule = new();

    /// <summary>Σ x over <paramref name="dims"/> (negative ones count from the end; no dim twice).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] dims, bool keepDim = false) =>
        env =>
        {
            var ds = Normalize(x.Shape, dims, "sum");
            return Rule.Record(env, Reductions.SumDims(x.Value, ds, Reduced(x.Shape, ds, keepDim)), (x.Shape, ds, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Shape, int[] Dims, bool KeepDim) s, Shape shape, Expr t) =>
        Apply(t, s.Dims, s.KeepDim);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Shape, int[] Dims, bool KeepDim) s, Expr yBar) => Spread(s, yBar);

    /// <summary>ȳ of the reduced shape viewed with the kept shape (ones at the dims) and broadcast back to x's shape.</summary>
    internal static Reader<GradEnv, Expr> Spread((Shape Shape, int[] Dims, bool KeepDim) s, Expr yBar) =>
        s.KeepDim ? Expand.Apply(yBar, s.Shape)
        : from k in Reshape.Apply(yBar, Reduced(s.Shape, s.Dims, keepDim: true)) from r in Expand.Apply(k, s.Shape) select r;

    /// <summary>
    /// The dims normalized and ascending, every dim for an empty list; a dim named twice is an error in PyTorch's words.
    /// </summary>
    internal static int[] Normalize(Shape shape, int[] dims, string op)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0) return Enumerable.Range(0, shape.Rank).ToArray();
        var ds = dims.Select(d => shape.NormalizeDim(d, op)).ToArray();
        Array.Sort(ds);
        for (var i = 1; i < ds.Length; i++)
            if (ds[i] == ds[i - 1])
                throw new ArgumentException($"{op}: dim {ds[i]} appears multiple times in the list of dims (shape {shape})", nameof(dims));
        return ds;
    }

    /// <summary><paramref name="shape"/> with <paramref name="dims"/> (normalized) removed, or set to 1 with keepDim.</summary>
    internal static Shape Reduced(Shape shape, int[] dims, bool keepDim)
    {
        if (shape.Rank == 0) return shape;
        var sizes = new List<int>();
        for (var d = 0; d < shape.Rank; d++)
            if (!dims.Contains(d)) sizes.Add(shape[d]);
            else if (keepDim) sizes.Add(1);
        return sizes.Count == 0 ? Shape.Scalar : Shape.Of([.. sizes]);
    }

    /// <summary>The number of elements reduced over <paramref name="dims"/> (normalized).</summary>
    internal static int Count(Shape shape, int[] dims) => shape.Rank == 0 ? 1 : dims.Aggregate(1, (n, d) => n * shape[d]);
}
