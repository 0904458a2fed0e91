namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ eˣ.</summary>
public sealed class ExpVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Exp.Apply(xs[0]), c));
}
