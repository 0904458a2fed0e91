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
        // einsum has no rule of its own: diagonals, permutes, sums, a mul or one bmm per pair, reshapes (Ops/Einsum.cs).
        // Its grad_fn is the last lowered op's, as PyTorch 1.13's: a view after a contraction, else mul, sum or permute.
        Einsum("ij,jk->ik", "ViewBackward0", from m in Size from k in Size from n in Size select Shapes([m, k], [k, n])),
        // Operands stored transposed, which mm reads transposed (no permute).
        Einsum("ji,jk->ik", "ViewBackward0", from m in Size from k in Size from n in Size select Shapes([k, m], [k, n])),
        Einsum("ij,kj->ik", "ViewBackward0", from m in Size from k in Size from n in Size select Shapes([m, k], [n, k])),
        Einsum("bij,bjk->bik", "ViewBackward0",
            from b in Size from m in Size from k in Size from n in Size select Shapes([b, m, k], [b, k, n])),
        // Attention scores: batch and head dims shared, d contracted, q and k kept.
        Einsum("bhqd,bhkd->bhqk", "ViewBackward0",
            from b in Size from h in Size from q in Size from k in Size from d in Size select Shapes([b, h, q, d], [b, h, k, d])),
        Einsum("ii->i", "PermuteBackward0", from n in Size select Shapes([n, n])),
        Einsum("ii", "SumBackward1", from n in Size select Shapes([n, n])),
        Einsum("ij->", "SumBackward1", from m in Size from n in Size select Shapes([m, n])),
        Einsum("ijk->kj", "SumBackward1", from i in Size from j in Size from k in Size select Shapes([i, j, k])),
        Einsum("i,j->ij", "MulBackward0", from m in Size from n in Size select Shapes([m], [n])),
        // A subscript of size 1 in one operand broadcasts against the other's (b's j of size 1 now and then).
        Einsum("ij,j->i", "ViewBackward0",
            from m in Size from k in Size from one in Gen.Elements(false, true) select Shapes([m, k], [one ? 1 : k])),
        // Batch dims under the ellipsis broadcast (of different ranks, size 1 against n).
        Einsum("...ij,...jk->...ik", "ViewBackward0",
            from batch in Generators.Shapes(0, 2)
            from batchA in Generators.BroadcastingTo(batch)
            from batchB in Generators.BroadcastingTo(batch)
            from m in Size from k in Size from n in Size
            select Shapes([.. batchA.ToArray(), m, k], [.. batchB.ToArray(), k, n])),
        // A diagonal, a contraction and an output in another order; three operands contracted left to right.
        Einsum("iij,jk->ki", "ViewBackward0", from i in Size from j in Size from k in Size select Shapes([i, i, j], [j, k])),
        Einsum("ij,jk,kl->il", "ViewBackward0",
            from i in Size from j in Size from k in Size from l in Size select Shapes([i, j], [j, k], [k, l])),
    ];

    /// <summary>A row for torch.einsum of <paramref name="equation"/> on operands of the drawn shapes.</summary>
    static GradcheckRow Einsum(string equation, string gradFn, Gen<Shape[]> shapes) =>
        Row($"einsum {equation}", gradFn,
            from operands in shapes
            from samples in Gen.CollectToArray(operands, shape => Generators.Samples(shape))
            from seed in Generators.Seeds
            select (new Case(samples, seed), new Equation(equation)),
            (e, xs) => Core.Einsum.Apply(e.Value, xs));

    static Gen<int> Size => Gen.Choose(1, 4);

    static Shape[] Shapes(params int[][] operands) => [.. operands.Select(Shape.Of)];

    /// <summary>An einsum equation, printed as one.</summary>
    internal sealed record Equation(string Value)
    {
        public override string ToString() => $"equation \"{Value}\"";
    }

    /// <summary>Stacks of matrices (rank 2–4) and a diagonal −5..5.</summary>
    static Gen<(Case Case, int Diagonal)> Triangles =>
        from shape in Generators.Shapes(2, 4)
        from x in Generators.Samples(shape)
        from k in Gen.Choose(-5, 5)
        from seed in Generators.Seeds
        select (new Case([x], seed), k);
}
