namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊘ x, with x in [0.5, 2] away from 0.</summary>
public sealed class LogVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases(0.5, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Log.Apply(xs[0]), c)), 200);
}
