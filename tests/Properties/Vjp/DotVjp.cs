namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>ā = ȳ·b, b̄ = ȳ·a for two vectors.</summary>
public sealed class DotVjp
{
    static readonly Gen<Case> Cases =
        from k in Gen.Choose(1, 6)
        from a in Generators.Samples(Shape.Of(k))
        from b in Generators.Samples(Shape.Of(k))
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Dot.Apply(xs[0], xs[1]), c)), 150);
}
