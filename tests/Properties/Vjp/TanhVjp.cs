namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊙ (1 − tanh² x).</summary>
public sealed class TanhVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Tanh.Apply(xs[0]), c));
}
