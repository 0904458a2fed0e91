namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ sign x, with |x| ≥ 0.1 away from the kink.</summary>
public sealed class AbsVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.SignedCases(0.1, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Abs.Apply(xs[0]), c)), 200);
}
