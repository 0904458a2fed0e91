namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// y = (1/n) Σ max(x, 0) − x·t + ln(1 + e^(−|x|)) over equal shapes: x̄ = ȳ·(σ(x) − t)/n, t̄ = −ȳ·x/n; either or
/// both require grad. Targets are probabilities in [0, 1].
/// </summary>
public sealed class BinaryCrossEntropyWithLogitsVjp
{
    static Gen<Case> Cases(Func<Shape, Gen<Sample>> logits) =>
        from shape in Generators.Shapes()
        from x in logits(shape)
        from t in Generators.Samples(shape, 0, 1)
        from seed in Generators.Seeds
        select new Case([x, t], seed);

    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases(s => Generators.Samples(s, -4, 4)).ToArbitrary(), c =>
            Gradcheck.Verify(xs => BinaryCrossEntropyWithLogits.Apply(xs[0], xs[1]), c));

    /// <summary>Logits of magnitude 10 to 40, where e^(−|x|) is tiny beside 1 and 1 + e^(−|x|) rounds.</summary>
    [Property(MaxTest = 100)]
    public Property Matches_central_differences_for_large_logits() =>
        Prop.ForAll(Cases(s => Generators.SignedSamples(s, 10, 40)).ToArbitrary(), c =>
            Gradcheck.Verify(xs => BinaryCrossEntropyWithLogits.Apply(xs[0], xs[1]), c));
}
