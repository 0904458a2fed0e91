namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ.</summary>
public sealed class CloneVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Clone.Apply(xs[0]), c)), 200);
}
