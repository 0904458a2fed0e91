namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ viewed with x's shape: reshape to explicit shapes and to sizes with one −1 to infer, unsqueeze, squeeze.</summary>
public sealed class ReshapeVjp
{
    // Sometimes one of the target sizes is −1, to be inferred.
    static readonly Gen<(Case Case, Sizes Target)> Cases =
        from c in Generators.UnaryCases()
        from target in Gen.Elements(ShapesOfSize(c.Inputs[0].Shape.Numel))
        from infer in Gen.Choose(-1, target.Length - 1)
        select (c, new Sizes(target.Select((d, i) => i == infer ? -1 : d).ToArray()));

    [Property]
    public Property Reshape_matches_central_differences_for_every_shape_of_the_same_size() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(
            xs => t.Target.Values.Contains(-1) ? Reshape.Apply(xs[0], t.Target.Values) : Reshape.Apply(xs[0], Shape.Of(t.Target.Values)),
            t.Case));

    static readonly Gen<(Case Case, int Dim)> Unsqueezes =
        from c in Generators.UnaryCases()
        from dim in Gen.Choose(-c.Inputs[0].Shape.Rank - 1, c.Inputs[0].Shape.Rank)
        select (c, dim);

    // Shapes with some size-1 dims, so squeeze sometimes removes one.
    static readonly Gen<(Case Case, int Dim)> Squeezes =
        from full in Generators.Shapes()
        from shape in Generators.BroadcastingTo(full)
        from x in Generators.Samples(shape)
        from dim in Generators.Dims(shape)
        from seed in Generators.Seeds
        select (new Case([x], seed), dim);

    [Property(MaxTest = 100)]
    public Property Unsqueeze_matches_central_differences() =>
        Prop.ForAll(Unsqueezes.ToArbitrary(), t => Gradcheck.Verify(xs => Reshape.Unsqueeze(xs[0], t.Dim), t.Case));

    [Property(MaxTest = 100)]
    public Property Squeeze_matches_central_differences() =>
        Prop.ForAll(Squeezes.ToArbitrary(), t => Gradcheck.Verify(xs => Reshape.Squeeze(xs[0], t.Dim), t.Case));

    /// <summary>Target sizes, printed as PyTorch prints a size list.</summary>
    internal sealed record Sizes(int[] Values)
    {
        public override string ToString() => $"[{string.Join(", ", Values)}]";
    }

    // Every shape of rank 0..3 with numel elements (rank 0 only for one element).
    static int[][] ShapesOfSize(int numel)
    {
        var divisors = Enumerable.Range(1, numel).Where(d => numel % d == 0).ToArray();
        var shapes = new List<int[]>();
        if (numel == 1) shapes.Add([]);
        shapes.Add([numel]);
        foreach (var a in divisors) shapes.Add([a, numel / a]);
        foreach (var a in divisors)
            foreach (var b in divisors.Where(b => numel / a % b == 0))
                shapes.Add([a, b, numel / a / b]);
        return shapes.ToArray();
    }
}
