namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>y = (1/n) Σ (x − t)² over equal shapes: x̄ = ȳ·2(x − t)/n, t̄ = −x̄; either or both require grad.</summary>
public sealed class MseLossVjp
{
    static readonly Gen<Case> Cases =
        from shape in Generators.Shapes()
        from x in Generators.Samples(shape)
        from t in Generators.Samples(shape)
        from seed in Generators.Seeds
        select new Case([x, t], seed);

    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => MseLoss.Apply(xs[0], xs[1]), c));
}
