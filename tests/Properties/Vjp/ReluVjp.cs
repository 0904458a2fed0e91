namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ where x > 0, else 0, with |x| ≥ 0.1 away from the kink.</summary>
public sealed class ReluVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.SignedCases(0.1, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Relu.Apply(xs[0]), c)), 200);
}
