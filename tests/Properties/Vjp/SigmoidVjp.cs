namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ σ(x) ⊙ (1 − σ(x)).</summary>
public sealed class SigmoidVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Sigmoid.Apply(xs[0]), c)), 200);
}
