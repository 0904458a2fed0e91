namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ where x > 0, else 0, with |x| ≥ 0.1 away from the kink.</summary>
public sealed class ReluVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.SignedCases(0.1, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Relu.Apply(xs[0]), c));
}
