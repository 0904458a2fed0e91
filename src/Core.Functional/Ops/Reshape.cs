namespace Nabla.Core;

/// <summary>
/// y = x viewed with another shape of the same size: reshape, unsqueeze and squeeze (each under PyTorch's name).
/// Linear, with adjoint x̄ = ȳ viewed with x's shape. Buffers are immutable, so no element is copied.
/// </summary>
public sealed class Reshape(string name) : LinearOp<Shape>(name, Saves.Shapes, isView: true)
{
    static readonly Reshape Rule = new("ReshapeAliasBackward0"), UnsqueezeRule = new("UnsqueezeBackward0"),
        SqueezeRule = new("SqueezeBackward1");

    /// <summary>x with shape <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) => As(Rule, x, shape);

    /// <summary>x with the given sizes; one of them may be −1 and is then inferred.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] sizes) =>
        env => Rule.Record(env, x.Value.WithShape(Infer(sizes, x.Shape)), x.Shape, x);

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

    static Shape Infer(int[] sizes, Shape from)
    {
        var dims = (int[])sizes.Clone();
        var unknown = System.Array.IndexOf(dims, -1);
        if (unknown >= 0 && System.Array.LastIndexOf(dims, -1) != unknown)
            throw new ArgumentException("reshape: only one dimension can be inferred");
        foreach (var d in dims)
            if (d < -1) throw new ArgumentException($"reshape: invalid shape dimension {d} in shape [{string.Join(", ", sizes)}]");
        if (unknown >= 0)
        {
            // In a long, capped just past any tensor's size: the other sizes may multiply beyond an int.
            var known = 1L;
            for (var i = 0; i < dims.Length; i++)
                if (i != unknown) known = Math.Min(known * dims[i], Shape.MaxNumel + 1L);
            if (known == 0 && from.Numel == 0)
                throw new ArgumentException(
                    $"reshape: cannot reshape tensor of 0 elements into shape [{string.Join(", ", sizes)}] because the " +
                    "unspecified dimension size -1 can be any value and is ambiguous");
            if (known == 0 || from.Numel % known != 0)
                throw Invalid(sizes, from);
            dims[unknown] = (int)(from.Numel / known);
        }
        var shape = Shape.Of(dims);
        return shape.Numel == from.Numel ? shape
            : throw Invalid(sizes, from);
    }

    static ArgumentException Invalid(int[] sizes, Shape from) =>
        new($"reshape: shape [{string.Join(", ", sizes)}] is invalid for input of shape {from} (size {from.Numel})");
}
