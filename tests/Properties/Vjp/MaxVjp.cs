namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ at the (unique) maximum, 0 elsewhere; the largest two values are kept apart so the step cannot swap them.</summary>
public sealed class MaxVjp
{
    static readonly Gen<Case> Cases =
        Generators.UnaryCases().Where(c => c.Inputs[0].Values.OrderDescending().Take(2).Aggregate((a, b) => a - b) >= 1e-3);

    [Property(MaxTest = 150)]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Max.Apply(xs[0]), c));
}
