namespace Nabla.Properties;

using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>
    /// The vocabulary's indexing ops (issue 13): index_select and advanced indexing (x̄ = ȳ's slices added back at the
    /// positions, repeats included), index_add, gather (x̄ = ȳ scatter-added) and scatter_add in both its inputs.
    /// </summary>
    static GradcheckRow[] IndexRows() =>
    [
        Row("index_select", "IndexSelectBackward0",
            from t in Positions(vector: true) select t, (t, xs) => IndexSelect.Apply(xs[0], t.Dim, t.Index)),
        Row("index", "IndexBackward0",
            from t in Positions(vector: false) select t, (t, xs) => IndexSelect.Advanced(xs[0], t.Dim, t.Index)),
        Row("index_add", "IndexAddBackward0",
            from shape in Generators.Shapes(1, 3)
            from dim in Gen.Choose(0, shape.Rank - 1)
            from n in Gen.Choose(0, 4)
            from positions in Gen.ArrayOf(Gen.Choose(0, shape[dim] - 1), n)
            from g in Generators.Samples(IndexSelect.Replaced(shape, dim, Shape.Of(n)))
            from seed in Generators.Seeds
            select (new Case([g], seed), (Shape: shape, Dim: dim, Positions: positions.ToImmutableArray())),
            (t, xs) => IndexAdd.Apply(xs[0], t.Shape, t.Dim, t.Positions, Shape.Of(t.Positions.Length))),
        Row("gather", "GatherBackward0",
            from t in Gathering() select (new Case([t.X], t.Seed), (t.Dim, t.Index)),
            (t, xs) => Gather.Apply(xs[0], t.Dim, t.Index)),
        Row("scatter_add", "ScatterAddBackward0",
            from t in Gathering()
            from src in Generators.Samples(Grown(t.Index.Shape, t.Extra))
            select (new Case([t.X, src], t.Seed), (t.Dim, t.Index)),
            (t, xs) => ScatterAdd.Apply(xs[0], t.Dim, t.Index, xs[1])),
    ];

    // An x, a dim and Int64 positions into it (repeats likely), of any shape or a vector.
    static Gen<(Case Case, (int Dim, NdArray Index) Constants)> Positions(bool vector) =>
        from shape in Generators.Shapes(1, 3)
        from dim in Gen.Choose(0, shape.Rank - 1)
        from indexShape in vector ? Gen.Choose(0, 4).Select(n => Shape.Of(n)) : Generators.Shapes(0, 2)
        from positions in Gen.ArrayOf(Gen.Choose(vector ? 0 : -shape[dim], shape[dim] - 1), indexShape.Numel)
        from x in Generators.Samples(shape)
        from seed in Generators.Seeds
        select (new Case([x], seed), (Dim: dim, Index: NdArray.From(positions.Select(p => (long)p).ToArray(), indexShape)));

    // An x, a dim, an index of x's rank no larger than x apart from dim, and sizes to grow src by beyond the index.
    static Gen<(Sample X, int Dim, NdArray Index, int[] Extra, int Seed)> Gathering() =>
        from shape in Generators.Shapes(1, 3)
        from dim in Gen.Choose(0, shape.Rank - 1)
        from dims in Gen.CollectToArray(Enumerable.Range(0, shape.Rank), k => Gen.Choose(k == dim ? 1 : 1, k == dim ? 4 : shape[k]))
        from positions in Gen.ArrayOf(Gen.Choose(0, shape[dim] - 1), dims.Aggregate(1, (a, b) => a * b))
        from extra in Gen.ArrayOf(Gen.Choose(0, 1), shape.Rank)
        from x in Generators.Samples(shape)
        from seed in Generators.Seeds
        select (x, dim, NdArray.From(positions.Select(p => (long)p).ToArray(), Shape.Of(dims)), extra, seed);

    static Shape Grown(Shape shape, int[] extra) => Shape.Of([.. shape.ToArray().Select((d, k) => d + extra[k])]);
}
