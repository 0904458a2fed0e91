namespace Nabla.Core;

/// <summary>
/// y = x viewed with another shape of the same size: reshape, view, flatten, unflatten, unsqueeze and squeeze (each
/// under PyTorch's name).
/// Linear, with adjoint x̄ = ȳ viewed with x's shape. Buffers are immutable, so no element is copied.
/// </summary>
public sealed class Reshape(string name) : LinearOp<Shape>(name, Saves.Shapes, isView: true)
{
    static readonly Reshape Rule = new("ReshapeAliasBackward0"), UnsqueezeRule = new("UnsqueezeBackward0"),
        SqueezeRule = new("SqueezeBackward1"), SqueezeAllRule = new("SqueezeBackward0"), ViewRule = new("ViewBackward0");

    /// <summary>x with shape <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) => As(Rule, x, shape);

    /// <summary>x with the given sizes; one of them may be −1 and is then inferred.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] sizes) =>
        env => Rule.Record(env, x.Value.WithShape(Infer(sizes, x.Shape, "reshape")), x.Shape, x);

    /// <summary>
    /// torch.Tensor.view: x with the given sizes, one of them possibly −1 (ViewBackward0). Nabla's values are always
    /// contiguous, so a view never fails for the strides PyTorch's does after a transpose.
    /// </summary>
    public static Reader<GradEnv, Expr> View(Expr x, int[] sizes) =>
        env => ViewRule.Record(env, x.Value.WithShape(Infer(sizes ?? throw new ArgumentNullException(nameof(sizes)), x.Shape, "view")), x.Shape, x);

    /// <summary>
    /// x with dimensions <paramref name="startDim"/> to <paramref name="endDim"/> merged into one: x itself when they
    /// are one dimension (as PyTorch returns self), a reshape to [1] for a 0-dimensional x.
    /// </summary>
    public static Reader<GradEnv, Expr> Flatten(Expr x, int startDim = 0, int endDim = -1) =>
        env =>
        {
            if (x.Shape.Rank == 0) return Rule.Record(env, x.Value.WithShape(Shape.Of(1)), x.Shape, x);
            var (start, end) = (x.Shape.NormalizeDim(startDim, "flatten"), x.Shape.NormalizeDim(endDim, "flatten"));
            if (start > end)
                throw new ArgumentException(
                    $"flatten() has invalid args: start_dim cannot come after end_dim (start_dim {startDim}, end_dim {endDim} for a tensor of shape {x.Shape})");
            if (start == end) return ReaderResult<Expr>.New(x);
            var dims = x.Shape.ToArray();
            var merged = 1;
            for (var d = start; d <= end; d++) merged *= dims[d];
            return Rule.Record(env, x.Value.WithShape(Shape.Of([.. dims[..start], merged, .. dims[(end + 1)..]])), x.Shape, x);
        };

    /// <summary>x with dimension <paramref name="dim"/> split into <paramref name="sizes"/> (one may be −1) (ViewBackward0).</summary>
    public static Reader<GradEnv, Expr> Unflatten(Expr x, int dim, int[] sizes) =>
        env =>
        {
            ArgumentNullException.ThrowIfNull(sizes);
            if (x.Shape.Rank == 0)
                throw new ArgumentException($"unflatten: Dimension specified as {dim} but tensor has no dimensions (shape {x.Shape})");
            var d = x.Shape.NormalizeDim(dim, "unflatten");
            if (sizes.Length == 0) throw new ArgumentException($"unflatten: sizes must be non-empty (dim {dim} of a tensor of shape {x.Shape})");
            var n = x.Shape[d];
            var product = sizes.Aggregate(1L, (p, s) => p * s);
            if (System.Array.IndexOf(sizes, -1) < 0 && product != n)
                throw new ArgumentException(
                    $"unflatten: Provided sizes [{string.Join(", ", sizes)}] don't multiply up to the size of dim {dim} ({n}) in the input tensor of shape {x.Shape}");
            var split = Infer(sizes, Shape.Of(n), "unflatten");
            var dims = x.Shape.ToArray();
            return ViewRule.Record(env, x.Value.WithShape(Shape.Of([.. dims[..d], .. split.ToArray(), .. dims[(d + 1)..]])), x.Shape, x);
        };

    /// <summary>x without any of its size-1 dimensions (SqueezeBackward0).</summary>
    public static Reader<GradEnv, Expr> Squeeze(Expr x) =>
        env =>
        {
            var kept = new List<int>();
            foreach (var size in x.Shape.Dims) if (size != 1) kept.Add(size);
            return SqueezeAllRule.Record(env, x.Value.WithShape(Shape.Of([.. kept])), x.Shape, x);
        };

    /// <summary>x with a size-1 dimension inserted at <paramref name="dim"/> (−rank−1 ≤ dim ≤ rank).</summary>
    public static Reader<GradEnv, Expr> Unsqueeze(Expr x, int dim) =>
        env =>
        {
            var rank = x.Shape.Rank + 1;
            if (dim < -rank || dim >= rank)
                throw new ArgumentOutOfRangeException(nameof(dim),
                    $"unsqueeze: Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim}) for a tensor of shape {x.Shape}");
            return UnsqueezeRule.Record(env, x.Value.WithShape(x.Shape.Insert(dim < 0 ? dim + rank : dim)), x.Shape, x);
        };

    /// <summary>x without dimension <paramref name="dim"/> when its size is 1; unchanged otherwise.</summary>
    public static Reader<GradEnv, Expr> Squeeze(Expr x, int dim) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "squeeze");
            var shape = x.Shape.Rank > 0 && x.Shape[d] == 1 ? x.Shape.Reduce(d, keepDim: false) : x.Shape;
            return SqueezeRule.Record(env, x.Value.WithShape(shape), x.Shape, x);
        };

    /// <summary>x with shape <paramref name="shape"/>, recorded under <paramref name="rule"/>'s name (for composite ops).</summary>
    internal static Reader<GradEnv, Expr> As(Reshape rule, Expr x, Shape shape) =>
        env => rule.Record(env, x.Value.WithShape(shape), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) => Apply(yBar, input);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => As(this, t, shape);

    static Shape Infer(int[] sizes, Shape from, string op)
    {
        var dims = (int[])sizes.Clone();
        var unknown = System.Array.IndexOf(dims, -1);
        if (unknown >= 0 && System.Array.LastIndexOf(dims, -1) != unknown)
            throw new ArgumentException($"{op}: only one dimension can be inferred (shape [{string.Join(", ", sizes)}] for input of shape {from})");
        foreach (var d in dims)
            if (d < -1) throw new ArgumentException($"{op}: invalid shape dimension {d} in shape [{string.Join(", ", sizes)}]");
        if (unknown >= 0)
        {
            // In a long, capped just past any tensor's size: the other sizes may multiply beyond an int.
            var known = 1L;
            for (var i = 0; i < dims.Length; i++)
                if (i != unknown) known = Math.Min(known * dims[i], Shape.MaxNumel + 1L);
            if (known == 0 && from.Numel == 0)
                throw new ArgumentException(
                    $"{op}: cannot reshape tensor of 0 elements into shape [{string.Join(", ", sizes)}] because the " +
                    "unspecified dimension size -1 can be any value and is ambiguous");
            if (known == 0 || from.Numel % known != 0)
                throw Invalid(sizes, from, op);
            dims[unknown] = (int)(from.Numel / known);
        }
        var shape = Shape.Of(dims);
        return shape.Numel == from.Numel ? shape
            : throw Invalid(sizes, from, op);
    }

    static ArgumentException Invalid(int[] sizes, Shape from, string op) =>
        new($"{op}: shape [{string.Join(", ", sizes)}] is invalid for input of shape {from} (size {from.Numel})");
}
