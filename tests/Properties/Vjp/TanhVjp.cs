namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ (1 − tanh² x).</summary>
public sealed class TanhVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Tanh.Apply(xs[0]), c)), 200);
}
