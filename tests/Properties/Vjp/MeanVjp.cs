namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Mean over everything: x̄ = ȳ / n broadcast. Mean over one dim: x̄ = ȳ / n (unsqueezed unless kept) broadcast.</summary>
public sealed class MeanVjp
{
    [Fact]
    public void Mean_matches_central_differences() =>
        Props.Check(Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Mean.Apply(xs[0]), c)), 150);

    [Fact]
    public void MeanDim_matches_central_differences_for_every_dim_and_keepDim() =>
        Props.Check(Prop.ForAll(SumVjp.Reductions.ToArbitrary(), t => Gradcheck.Verify(xs => MeanDim.Apply(xs[0], t.Dim, t.KeepDim), t.Case)), 200);
}
