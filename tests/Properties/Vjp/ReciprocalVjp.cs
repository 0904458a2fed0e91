namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = −ȳ ⊘ x², with |x| in [0.5, 2] away from the pole.</summary>
public sealed class ReciprocalVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.SignedCases(0.5, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Reciprocal.Apply(xs[0]), c));
}
