namespace Nabla.Core;

/// <summary>
/// y[p] = x[p with p[dim] = index[p]] (torch.gather, GatherBackward0): linear, with adjoint x̄ = ȳ scatter-added into
/// zeros of x's shape at the same places (<see cref="ScatterAdd"/>).
/// </summary>
public sealed class Gather() : LinearOp<(Shape Input, int Dim, NdArray Index)>("GatherBackward0")
{
    static readonly Gather Rule = new();

    /// <summary>The elements of x picked along <paramref name="dim"/> by an Int64 <paramref name="index"/> of x's rank.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, NdArray index) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "gather");
            ScatterAdd.Check("gather", x.Shape, d, index, null);
            return Rule.Record(env, Indexing.Gather(x.Value, d, index), (x.Shape, d, index), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int Dim, NdArray Index) s, Shape shape, Expr t) => Apply(t, s.Dim, s.Index);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int Dim, NdArray Index) s, Expr yBar) =>
        ScatterAdd.Apply(Expr.Constant(NdArray.Full(s.Input, 0, yBar.DType)), s.Dim, s.Index, yBar);
}

/// <summary>
/// y = self with src[p] added at p with p[dim] = index[p] (torch.scatter_add, ScatterAddBackward0): linear in self and
/// src, x̄_self = ȳ and x̄_src = ȳ gathered at the same places (<see cref="Gather"/>).
/// </summary>
public sealed class ScatterAdd() : Op<(int Dim, NdArray Index, Shape Src)>("ScatterAddBackward0")
{
    static readonly ScatterAdd Rule = new();

    /// <summary>self plus src's elements added along <paramref name="dim"/> at the Int64 <paramref name="index"/> (of self's rank, within src's sizes).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr self, int dim, NdArray index, Expr src) =>
        env =>
        {
            var d = self.Shape.NormalizeDim(dim, "scatter_add");
            Check("scatter_add", self.Shape, d, index, src.Shape);
            return Rule.Record(env, Indexing.ScatterAdd(self.Value, d, index, src.Value), (d, index, src.Shape), self, src);
        };

    // PyTorch's checks (gather and scatter share them), with the shapes.
    internal static void Check(string op, Shape x, int dim, NdArray index, Shape? src)
    {
        if (index.DType != DType.Int64)
            throw new ArgumentException($"{op}(): Expected dtype int64 for index, but got {index.DType.Name()}");
        var rank = Math.Max(x.Rank, 1);
        if (Math.Max(index.Shape.Rank, 1) != rank)
            throw new ArgumentException($"{op}: Index tensor must have the same number of dimensions as {(src is null ? "input" : "self")} tensor (index shape {index.Shape}, tensor shape {x})");
        for (var k = 0; k < index.Shape.Rank; k++)
        {
            if (k != dim && index.Shape[k] > x[k])
                throw new ArgumentException($"{op}: Size does not match at dimension {k} expected index {index.Shape} to be smaller than self {x} apart from dimension {dim}");
            if (src is { } s && index.Shape[k] > s[k])
                throw new ArgumentException($"{op}: Size does not match at dimension {k} expected index {index.Shape} to be smaller than src {s}");
        }
        var size = x.Rank == 0 ? 1 : x[dim];
        foreach (var p in index.Span<long>())
            if (p < 0 || p >= size)
                throw new ArgumentException($"{op}: index {p} is out of bounds for dimension {dim} with size {size} (tensor of shape {x})");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// src may be larger than the index; its elements the index does not reach get zero (PyTorch 1.13 returns the
    /// gathered gradient at the index's shape there and its engine rejects it).
    /// </remarks>
    protected internal override Reader<GradEnv, Expr> Vjp((int Dim, NdArray Index, Shape Src) s, Expr? y, Expr yBar, int input) =>
        input == 0 ? Reading.Pure(yBar) : from g in Gather.Apply(yBar, s.Dim, s.Index) from r in PadTo(g, s.Src, 0) select r;

    // g zero-padded at the end of each dim up to shape.
    static Reader<GradEnv, Expr> PadTo(Expr g, Shape shape, int dim)
    {
        if (dim == shape.Rank) return Reading.Pure(g);
        if (g.Shape[dim] == shape[dim]) return PadTo(g, shape, dim + 1);
        var dims = g.Shape.ToArray();
        dims[dim] = shape[dim];
        return from p in NarrowBackward.Apply(g, Shape.Of(dims), dim, 0) from r in PadTo(p, shape, dim + 1) select r;
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((int Dim, NdArray Index, Shape Src) s, Expr? y, Shape shape, Expr?[] xDots) =>
        SumOfTerms(xDots, (i, t) => i == 0 ? Reading.Pure(t) : Apply(Expr.Constant(NdArray.Full(shape, 0, t.DType)), s.Dim, s.Index, t));
}
