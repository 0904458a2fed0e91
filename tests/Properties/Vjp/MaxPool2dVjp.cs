namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Max pooling: x̄ = ȳ added at each window's maximum, for inputs of distinct values (at least 4/numel apart, so the
/// finite-difference step never changes which element is the maximum); and the linear pair behind it, the
/// scatter-add <see cref="MaxPool2dBackward"/> and the <see cref="Gather"/> that is its VJP, on random indices
/// (repeated ones included, so the scatter accumulates).
/// </summary>
public sealed class MaxPool2dVjp
{
    /// <summary>A permutation of −2 + 4k/numel, k = 0..numel−1, of <paramref name="shape"/>.</summary>
    static Gen<Sample> Distinct(Shape shape) =>
        Generators.Seeds.Select(seed =>
        {
            var values = Enumerable.Range(0, shape.Numel).Select(k => -2 + 4.0 * k / shape.Numel).ToArray();
            new Random(seed).Shuffle(values);
            return new Sample(shape, values);
        });

    static readonly Gen<(Case Case, int Kernel, int? Stride)> Pools =
        from batched in Gen.Elements(true, false)
        from n in Gen.Choose(1, 2)
        from c in Gen.Choose(1, 3)
        from kernel in Gen.Choose(1, 3)
        from stride in Gen.Elements<int?>(null, 1, 2)
        from h in Gen.Choose(kernel, 6)
        from w in Gen.Choose(kernel, 6)
        from x in Distinct(batched ? Shape.Of(n, c, h, w) : Shape.Of(c, h, w))
        from seed in Generators.Seeds
        select (new Case([x], seed), kernel, stride);

    /// <summary>A shape, a random shape of as many indices into it, and a sample of either (by <paramref name="scatter"/>).</summary>
    static Gen<(Case Case, int[] Indices, Shape Dense, Shape Sparse)> Indexed(bool scatter) =>
        from dense in Generators.Shapes(1, 3)
        from sparse in Generators.Shapes(0, 3)
        from indices in Gen.ArrayOf(Gen.Choose(0, dense.Numel - 1), sparse.Numel)
        from x in Generators.Samples(scatter ? sparse : dense)
        from seed in Generators.Seeds
        select (new Case([x], seed), indices, dense, sparse);

    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Pools.ToArbitrary(), t => Gradcheck.Verify(xs => MaxPool2d.Apply(xs[0], t.Kernel, t.Stride), t.Case));

    [Property]
    public Property Its_backward_scatter_matches_central_differences() =>
        Prop.ForAll(Indexed(scatter: true).ToArbitrary(), t =>
            Gradcheck.Verify(xs => MaxPool2dBackward.Apply(xs[0], t.Indices, t.Dense), t.Case));

    [Property]
    public Property Gather_matches_central_differences() =>
        Prop.ForAll(Indexed(scatter: false).ToArbitrary(), t =>
            Gradcheck.Verify(xs => Gather.Apply(xs[0], t.Indices, t.Sparse), t.Case));
}
