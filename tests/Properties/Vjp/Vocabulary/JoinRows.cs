namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>
    /// The vocabulary's joining and splitting ops (issue 13): cat of two to four inputs whose sizes differ along the
    /// joined dim (x̄ᵢ = ȳ's slice), stack (x̄ᵢ = ȳ's slice at i), and narrow, split's and unbind's parts (x̄ = ȳ in
    /// zeros), with narrow's adjoint too.
    /// </summary>
    static GradcheckRow[] JoinRows() =>
    [
        Row("cat", "CatBackward0",
            from shape in Generators.Shapes(1, 3)
            from dim in Gen.Choose(0, shape.Rank - 1)
            from sizes in Gen.ArrayOf(Gen.Choose(0, 3), 4).Select(s => s[..Math.Max(2, s[0] + 1)])
            from xs in Gen.CollectToArray(sizes, n => Generators.Samples(With(shape, dim, n)))
            from seed in Generators.Seeds
            select (new Case(xs, seed), dim),
            (dim, xs) => Cat.Apply(xs, dim)),
        Row("stack", "StackBackward0",
            from shape in Generators.Shapes(0, 3)
            from n in Gen.Choose(1, 3)
            from dim in Gen.Choose(-shape.Rank - 1, shape.Rank)
            from xs in Gen.ArrayOf(Generators.Samples(shape), n)
            from seed in Generators.Seeds
            select (new Case(xs, seed), dim),
            (dim, xs) => Cat.Stack(xs, dim)),
        Row("narrow", "SliceBackward0", Narrowing(), (t, xs) => Narrow.Apply(xs[0], t.Dim, t.Start, t.Length)),
        Row("split", "SplitBackward0", Narrowing(), (t, xs) => Narrow.SplitPart(xs[0], t.Dim, t.Start, t.Length)),
        Row("unbind", "UnbindBackward0",
            from shape in Generators.Shapes(1, 3)
            from dim in Gen.Choose(0, shape.Rank - 1)
            from index in Gen.Choose(0, shape[dim] - 1)
            from x in Generators.Samples(shape)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Dim: dim, Index: index)),
            (t, xs) => Narrow.UnbindPart(xs[0], t.Dim, t.Index)),
        Row("slice_backward", "SliceBackwardBackward0",
            from shape in Generators.Shapes(1, 3)
            from dim in Gen.Choose(0, shape.Rank - 1)
            from extra in Gen.Choose(0, 3)
            from start in Gen.Choose(0, extra)
            from x in Generators.Samples(shape)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Full: With(shape, dim, shape[dim] + extra), Dim: dim, Start: start)),
            (t, xs) => NarrowBackward.Apply(xs[0], t.Full, t.Dim, t.Start)),
    ];

    static Shape With(Shape shape, int dim, int size)
    {
        var dims = shape.ToArray();
        dims[dim] = size;
        return Shape.Of(dims);
    }

    static Gen<(Case Case, (int Dim, int Start, int Length) Part)> Narrowing() =>
        from shape in Generators.Shapes(1, 3)
        from dim in Gen.Choose(0, shape.Rank - 1)
        from start in Gen.Choose(0, shape[dim])
        from length in Gen.Choose(0, shape[dim] - start)
        from negative in Gen.Elements(false, true)
        from x in Generators.Samples(shape)
        from seed in Generators.Seeds
        select (new Case([x], seed), (Dim: negative ? dim - shape.Rank : dim, Start: negative && start > 0 ? start - shape[dim] : start, Length: length));
}
