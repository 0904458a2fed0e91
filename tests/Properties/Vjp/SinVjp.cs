namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ cos x.</summary>
public sealed class SinVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Sin.Apply(xs[0]), c)), 200);
}
