namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = −ȳ.</summary>
public sealed class NegVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Neg.Apply(xs[0]), c)), 200);
}
