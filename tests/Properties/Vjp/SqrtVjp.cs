namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊘ 2√x, with x in [0.5, 2] away from the singularity at 0.</summary>
public sealed class SqrtVjp
{
    [Fact]
    public void Matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases(0.5, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Sqrt.Apply(xs[0]), c)), 200);
}
