namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ σ(x) ⊙ (1 − σ(x)).</summary>
public sealed class SigmoidVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Sigmoid.Apply(xs[0]), c));
}
