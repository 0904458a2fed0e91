namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Mean over everything: x̄ = ȳ / n broadcast. Mean over one dim: x̄ = ȳ / n (unsqueezed unless kept) broadcast.</summary>
public sealed class MeanVjp
{
    [Property(MaxTest = 150)]
    public Property Mean_matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Mean.Apply(xs[0]), c));

    [Property]
    public Property MeanDim_matches_central_differences_for_every_dim_and_keepDim() =>
        Prop.ForAll(SumVjp.Reductions.ToArbitrary(), t => Gradcheck.Verify(xs => MeanDim.Apply(xs[0], t.Dim, t.KeepDim), t.Case));
}
