namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Ā = Ȳ·Bᵀ, B̄ = Aᵀ·Ȳ for A [m,k] and B [k,n].</summary>
public sealed class MmVjp
{
    static readonly Gen<Case> Cases =
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from a in Generators.Samples(Shape.Of(m, k))
        from b in Generators.Samples(Shape.Of(k, n))
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Mm.Apply(xs[0], xs[1]), c)), 200);
}
