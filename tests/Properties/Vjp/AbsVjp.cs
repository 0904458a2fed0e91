namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ sign x, with |x| ≥ 0.1 away from the kink.</summary>
public sealed class AbsVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.SignedCases(0.1, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Abs.Apply(xs[0]), c));
}
