namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊘ x, with x in [0.5, 2] away from 0.</summary>
public sealed class LogVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases(0.5, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Log.Apply(xs[0]), c));
}
