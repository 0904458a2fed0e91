namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Expand: x̄ = ȳ summed back to x's shape. SumTo, its adjoint: x̄ = ȳ broadcast back to x's shape.</summary>
public sealed class ExpandVjp
{
    // A full shape and one that broadcasts to it: Expand goes small → full, SumTo full → small.
    static readonly Gen<(Shape Small, Shape Full)> Pairs =
        from full in Generators.Shapes()
        from small in Generators.BroadcastingTo(full)
        select (small, full);

    static readonly Gen<(Case Case, Shape Target)> Expansions =
        from p in Pairs
        from x in Generators.Samples(p.Small)
        from seed in Generators.Seeds
        select (new Case([x], seed), p.Full);

    static readonly Gen<(Case Case, Shape Target)> Reductions =
        from p in Pairs
        from x in Generators.Samples(p.Full)
        from seed in Generators.Seeds
        select (new Case([x], seed), p.Small);

    [Property]
    public Property Expand_matches_central_differences() =>
        Prop.ForAll(Expansions.ToArbitrary(), t => Gradcheck.Verify(xs => Expand.Apply(xs[0], t.Target), t.Case));

    [Property]
    public Property SumTo_matches_central_differences() =>
        Prop.ForAll(Reductions.ToArbitrary(), t => Gradcheck.Verify(xs => SumTo.Apply(xs[0], t.Target), t.Case));
}
