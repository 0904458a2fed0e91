namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ cos x.</summary>
public sealed class SinVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Sin.Apply(xs[0]), c));
}
