namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ m / (1 − p) for the seed's mask m; a fixed seed keeps the mask fixed under the finite-difference step.</summary>
public sealed class DropoutVjp
{
    static readonly Gen<(Case Case, double P, int Seed)> Cases =
        from c in Generators.UnaryCases()
        from p in Gen.Elements(0.0, 0.25, 0.5, 0.9, 1.0)
        from seed in Generators.Seeds
        select (c, p, seed);

    [Property(MaxTest = 150)]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => Dropout.Apply(xs[0], t.P, t.Seed), t.Case));
}
