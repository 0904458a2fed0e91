namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>The vocabulary's shape ops (issue 13), a row each: random shapes of rank 0–3, dims negative or not.</summary>
    static GradcheckRow[] ShapeRows() =>
    [
        // permute: x̄ = ȳ permuted back by the inverse permutation.
        Row("permute", "PermuteBackward0",
            from c in Generators.UnaryCases()
            from order in Permutation(c.Inputs[0].Shape.Rank)
            from negative in Gen.ArrayOf(Gen.Elements(false, true), order.Length)
            select (c, new Sizes(order.Select((d, i) => negative[i] ? d - order.Length : d).ToArray())),
            (t, xs) => Permute.Apply(xs[0], t.Values)),
        // expand with PyTorch's sizes (−1 keeps a size, new leading dims): x̄ = ȳ summed back; recorded also when the
        // shape stays, as PyTorch's is.
        Row("expand_sizes", "ExpandBackward0",
            from p in BroadcastingPairs
            from x in Generators.Samples(p.Small)
            from keep in Gen.ArrayOf(Gen.Elements(false, true), p.Full.Rank)
            from seed in Generators.Seeds
            let off = p.Full.Rank - p.Small.Rank
            select (new Case([x], seed),
                    new Sizes(p.Full.ToArray().Select((d, i) => i >= off && keep[i] && p.Small[i - off] == d ? -1 : d).ToArray())),
            (sizes, xs) => Expand.Apply(xs[0], sizes.Values)),
        // view: as reshape, to every shape of the same size, sometimes with one size −1.
        Row("view", "ViewBackward0",
            from c in Generators.UnaryCases()
            from target in Gen.Elements(ShapesOfSize(c.Inputs[0].Shape.Numel))
            from infer in Gen.Choose(-1, target.Length - 1)
            select (c, new Sizes(target.Select((d, i) => i == infer ? -1 : d).ToArray())),
            (t, xs) => Reshape.View(xs[0], t.Values)),
        // flatten of start..end (x itself when they are one dim, as PyTorch returns self; [1] for a scalar).
        Row("flatten", "ReshapeAliasBackward0",
            from c in Generators.UnaryCases()
            let rank = Math.Max(c.Inputs[0].Shape.Rank, 1)
            from start in Gen.Choose(0, rank - 1)
            from end in Gen.Choose(start, rank - 1)
            from negativeStart in Gen.Elements(false, true)
            from negativeEnd in Gen.Elements(false, true)
            select (c, (Start: negativeStart ? start - rank : start, End: negativeEnd ? end - rank : end)),
            (t, xs) => Reshape.Flatten(xs[0], t.Start, t.End), mayReturnItsInput: true),
        // unflatten: one dim split into a factorization of its size, sometimes with one factor −1.
        Row("unflatten", "ViewBackward0",
            from shape in Generators.Shapes(1, 3)
            from x in Generators.Samples(shape)
            from dim in Gen.Choose(-shape.Rank, shape.Rank - 1)
            from split in Gen.Elements(ShapesOfSize(shape[dim < 0 ? dim + shape.Rank : dim]).Where(s => s.Length > 0).ToArray())
            from infer in Gen.Choose(-1, split.Length - 1)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Dim: dim, Sizes: new Sizes(split.Select((d, i) => i == infer ? -1 : d).ToArray()))),
            (t, xs) => Reshape.Unflatten(xs[0], t.Dim, t.Sizes.Values)),
        // repeat: x̄ = the tiles of ȳ summed; as many repeats as dims or one more, 0 now and then.
        Row("repeat", "RepeatBackward0",
            from c in Generators.UnaryCases()
            from extra in Gen.Choose(0, 1)
            from repeats in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3))), c.Inputs[0].Shape.Rank + extra)
            select (c, new Sizes(repeats)),
            (t, xs) => Repeat.Apply(xs[0], t.Values)),
        // squeeze of every size-1 dim, on shapes with some.
        Unary("squeeze_all", "SqueezeBackward0",
            from full in Generators.Shapes()
            from shape in Generators.BroadcastingTo(full)
            from x in Generators.Samples(shape)
            from seed in Generators.Seeds
            select new Case([x], seed),
            Reshape.Squeeze),
        // flip: its own adjoint, over any subset of the dims (none included).
        Row("flip", "FlipBackward0",
            from c in Generators.UnaryCases()
            from order in Permutation(c.Inputs[0].Shape.Rank)
            from count in Gen.Choose(0, order.Length)
            from negative in Gen.ArrayOf(Gen.Elements(false, true), count)
            select (c, new Sizes(order.Take(count).Select((d, i) => negative[i] ? d - order.Length : d).ToArray())),
            (t, xs) => Core.Flip.Apply(xs[0], t.Values)),    // Core.: ArchitectureExamples has a Flip of its own
    ];

    /// <summary>A random permutation of 0..n−1.</summary>
    static Gen<int[]> Permutation(int n) =>
        Generators.Seeds.Select(seed =>
        {
            var order = Enumerable.Range(0, n).ToArray();
            new Random(seed).Shuffle(order);
            return order;
        });
}
