namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Ā = ȳ vᵀ, v̄ = Aᵀ ȳ for A [m,k] and v [k].</summary>
public sealed class MvVjp
{
    static readonly Gen<Case> Cases =
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from a in Generators.Samples(Shape.Of(m, k))
        from v in Generators.Samples(Shape.Of(k))
        from seed in Generators.Seeds
        select new Case([a, v], seed);

    [Property(MaxTest = 150)]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Mv.Apply(xs[0], xs[1]), c));
}
