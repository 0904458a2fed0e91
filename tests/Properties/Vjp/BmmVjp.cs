namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Ā[i] = Ȳ[i]·B[i]ᵀ, B̄[i] = A[i]ᵀ·Ȳ[i] for stacks A [batch,m,k] and B [batch,k,n].</summary>
public sealed class BmmVjp
{
    static readonly Gen<Case> Cases =
        from batch in Gen.Choose(1, 3)
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from a in Generators.Samples(Shape.Of(batch, m, k))
        from b in Generators.Samples(Shape.Of(batch, k, n))
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    [Property(MaxTest = 150)]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Bmm.Apply(xs[0], xs[1]), c));
}
