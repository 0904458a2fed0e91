using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Nabla.Core;

/// <summary>
/// y = x at the given positions along one dim, the index's shape in that dim's place (index_select with a vector,
/// IndexSelectBackward0; x[index], IndexBackward0): linear, with adjoint x̄ = ȳ's slices added back at the positions
/// (<see cref="IndexAdd"/>).
/// </summary>
public sealed class IndexSelect(string name) : LinearOp<(Shape Input, int Dim, ImmutableArray<int> Positions, Shape IndexShape)>(name)
{
    static readonly IndexSelect AdvancedRule = new("IndexBackward0"), Rule = new("IndexSelectBackward0");

    /// <summary>x[…, index, …] with the Int64 <paramref name="index"/> (any shape; negative positions count from the end) at <paramref name="dim"/>.</summary>
    public static Reader<GradEnv, Expr> Advanced(Expr x, int dim, NdArray index) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "index");
            return Run(AdvancedRule, x, d, Positions(index, x.Shape, d, "index", wrap: true), index.Shape)(env);
        };

    /// <summary>torch.index_select: the slices of x along <paramref name="dim"/> at the positions of a vector (or scalar) Int64 index.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, NdArray index) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "index_select");
            if (index.Shape.Rank > 1)
                throw new ArgumentException($"index_select(): Index is supposed to be a vector, but got an index of shape {index.Shape}");
            return Run(Rule, x, d, Positions(index, x.Shape, d, "index_select", wrap: false), Shape.Of(index.Numel))(env);
        };

    static ImmutableArray<int> Positions(NdArray index, Shape x, int dim, string op, bool wrap)
    {
        if (index.DType != DType.Int64)
            throw new ArgumentException($"{op}: tensors used as indices must be long, but got {index.DType.Name()} (index shape {index.Shape})");
        var size = x.Rank == 0 ? 1 : x[dim];
        var values = index.Span<long>();
        var positions = new int[values.Length];
        for (var k = 0; k < positions.Length; k++)
        {
            var p = values[k];
            if (p < -size || p >= size || (!wrap && p < 0))
                throw new ArgumentException($"{op}: index {p} is out of bounds for dimension {dim} with size {size} (tensor of shape {x})");
            positions[k] = (int)(p < 0 ? p + size : p);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(positions);
    }

    static Reader<GradEnv, Expr> Run(IndexSelect rule, Expr x, int dim, ImmutableArray<int> positions, Shape indexShape) =>
        env =>
        {
            var shape = Replaced(x.Shape, dim, indexShape);
            var flat = x.Shape.Rank == 0 ? x.Value.WithShape(Shape.Of(1)) : x.Value;
            var y = Indexing.Select(flat, dim, positions.AsSpan(), Replaced(flat.Shape, dim, Shape.Of(positions.Length))).WithShape(shape);
            return rule.Record(env, y, (x.Shape, dim, positions, indexShape), x);
        };

    // x's shape with dim replaced by the index's shape.
    internal static Shape Replaced(Shape x, int dim, Shape index) =>
        x.Rank == 0 ? index : Shape.Of([.. x.ToArray()[..dim], .. index.ToArray(), .. x.ToArray()[(dim + 1)..]]);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int Dim, ImmutableArray<int> Positions, Shape IndexShape) s, Shape shape, Expr t) =>
        Run(this, t, s.Dim, s.Positions, s.IndexShape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int Dim, ImmutableArray<int> Positions, Shape IndexShape) s, Expr yBar) =>
        IndexAdd.Apply(yBar, s.Input, s.Dim, s.Positions, s.IndexShape);
}

/// <summary>
/// y = zeros of a shape with x's slices added at positions along one dim (index_add into zeros, IndexAddBackward0):
/// linear, the adjoint of <see cref="IndexSelect"/>, whose adjoint is x̄ = ȳ at the positions.
/// </summary>
public sealed class IndexAdd() : LinearOp<(Shape Input, int Dim, ImmutableArray<int> Positions, Shape IndexShape)>("IndexAddBackward0", Saves.Shapes)
{
    static readonly IndexAdd Rule = new();

    /// <summary>Zeros of <paramref name="shape"/> with x's slices (x shaped as <see cref="IndexSelect"/>'s output) added at <paramref name="positions"/> along <paramref name="dim"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape, int dim, ImmutableArray<int> positions, Shape indexShape) =>
        env =>
        {
            var full = shape.Rank == 0 ? Shape.Of(1) : shape;
            var g = x.Value.WithShape(IndexSelect.Replaced(full, dim, Shape.Of(positions.Length)));
            var y = Indexing.Add(Layout.Cast(g, x.DType.ToFloating()), dim, positions.AsSpan(), full).WithShape(shape);
            return Rule.Record(env, y, (shape, dim, positions, indexShape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int Dim, ImmutableArray<int> Positions, Shape IndexShape) s, Shape shape, Expr t) =>
        Apply(t, s.Input, s.Dim, s.Positions, s.IndexShape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int Dim, ImmutableArray<int> Positions, Shape IndexShape) s, Expr yBar) =>
        IndexSelect.Advanced(yBar, s.Dim, NdArray.From([.. s.Positions.Select(p => (long)p)], s.IndexShape));
}
