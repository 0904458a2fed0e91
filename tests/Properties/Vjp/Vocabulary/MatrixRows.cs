namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>The vocabulary's matrix ops (issue 13), a row each: random shapes, offsets and dims (negative ones included).</summary>
    static GradcheckRow[] MatrixRows() =>
    [
        // diagonal: x̄ = ȳ on the diagonal of zeros (diagonal_scatter); offsets past the edge give empty diagonals.
        Row("diagonal", "DiagonalBackward0",
            from shape in Generators.Shapes(2, 4)
            from x in Generators.Samples(shape)
            from dims in Permutation(shape.Rank)
            from negative in Gen.Elements(false, true)
            from offset in Gen.Choose(-5, 5)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Offset: offset, Dim1: negative ? dims[0] - shape.Rank : dims[0], Dim2: dims[1])),
            (t, xs) => Diagonal.Apply(xs[0], t.Offset, t.Dim1, t.Dim2)),
        // diagonal_scatter into zeros, the adjoint of diagonal: x̄ = the diagonal of ȳ.
        Row("diagonal_scatter", "DiagonalScatterBackward0",
            from shape in Generators.Shapes(2, 4)
            from dims in Permutation(shape.Rank)
            from offset in Gen.Choose(-5, 5)
            let diagonal = Core.Numerics.Layout.DiagonalWalk(shape, offset, dims[0], dims[1]).Shape
            from x in Generators.Samples(diagonal)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Shape: shape, Offset: offset, Dim1: dims[0], Dim2: dims[1])),
            (t, xs) => DiagonalScatter.Apply(xs[0], t.Shape, t.Offset, t.Dim1, t.Dim2)),
        // trace: x̄ = ȳ·I (of x's shape, not necessarily square).
        Unary("trace", "TraceBackward0",
            from shape in Generators.Shapes(2, 2)
            from x in Generators.Samples(shape)
            from seed in Generators.Seeds
            select new Case([x], seed),
            Trace.Apply),
        // outer: ā = ȳ·b, b̄ = ȳᵀ·a, through unsqueeze and a broadcasting mul.
        Binary("outer", "MulBackward0",
            from m in Gen.Choose(1, 4)
            from n in Gen.Choose(1, 4)
            from a in Generators.Samples(Shape.Of(m))
            from b in Generators.Samples(Shape.Of(n))
            from seed in Generators.Seeds
            select new Case([a, b], seed),
            Outer.Apply),
        // diag: a vector to a square matrix and a matrix to a vector, each the other's adjoint, at offsets −4..4.
        Row("diag", "DiagBackward0",
            from shape in Generators.Shapes(1, 2)
            from x in Generators.Samples(shape)
            from offset in Gen.Choose(-4, 4)
            from seed in Generators.Seeds
            select (new Case([x], seed), offset),
            (offset, xs) => Diag.Apply(xs[0], offset)),
        // tril and triu: masks, their own adjoints, on batches of matrices.
        Row("tril", "TrilBackward0", Triangles, (k, xs) => Tril.Apply(xs[0], k)),
        Row("triu", "TriuBackward0", Triangles, (k, xs) => Tril.Triu(xs[0], k)),
    ];

    /// <summary>Stacks of matrices (rank 2–4) and a diagonal −5..5.</summary>
    static Gen<(Case Case, int Diagonal)> Triangles =>
        from shape in Generators.Shapes(2, 4)
        from x in Generators.Samples(shape)
        from k in Gen.Choose(-5, 5)
        from seed in Generators.Seeds
        select (new Case([x], seed), k);
}
