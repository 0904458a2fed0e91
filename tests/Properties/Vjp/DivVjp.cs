namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>ā = ȳ ⊘ b, b̄ = −ȳ ⊙ a ⊘ b², with divisors in [0.5, 2] away from the pole.</summary>
public sealed class DivVjp
{
    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(Generators.BinaryCases(loB: 0.5, hiB: 2).ToArbitrary(), c => Gradcheck.Verify(xs => Div.Apply(xs[0], xs[1]), c));
}
