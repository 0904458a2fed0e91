namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Y = b + X·Wᵀ: b̄ = Ȳ summed to b's shape, X̄ = Ȳ·W, W̄ = Ȳᵀ·X, with b of shape [out], [n,out] or [].</summary>
public sealed class LinearVjp
{
    static readonly Gen<Case> Cases =
        from n in Gen.Choose(1, 4)
        from i in Gen.Choose(1, 4)
        from o in Gen.Choose(1, 4)
        from biasShape in Gen.Elements(Shape.Of(o), Shape.Of(n, o), Shape.Of(1, o), Shape.Scalar)
        from x in Generators.Samples(Shape.Of(n, i))
        from w in Generators.Samples(Shape.Of(o, i))
        from b in Generators.Samples(biasShape)
        from seed in Generators.Seeds
        select new Case([x, w, b], seed);

    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Linear.Apply(xs[0], xs[1], xs[2]), c));
}
