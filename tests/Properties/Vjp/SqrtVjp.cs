namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ ⊘ 2√x, with x in [0.5, 2] away from the singularity at 0.</summary>
public sealed class SqrtVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases(0.5, 2).ToArbitrary(), c => Gradcheck.Verify(xs => Sqrt.Apply(xs[0]), c));
}
