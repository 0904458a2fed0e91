namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Σ over everything: x̄ = ȳ broadcast. Σ over one dim: x̄ = ȳ (unsqueezed unless kept) broadcast.</summary>
public sealed class SumVjp
{
    [Property(MaxTest = 150)]
    public Property Sum_matches_central_differences() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Sum.Apply(xs[0]), c));

    [Property]
    public Property SumDim_matches_central_differences_for_every_dim_and_keepDim() =>
        Prop.ForAll(Reductions.ToArbitrary(), t => Gradcheck.Verify(xs => SumDim.Apply(xs[0], t.Dim, t.KeepDim), t.Case));

    /// <summary>One input with a dim to reduce (negative ones included) and keepDim.</summary>
    internal static Gen<(Case Case, int Dim, bool KeepDim)> Reductions =>
        from c in Generators.UnaryCases()
        from dim in Generators.Dims(c.Inputs[0].Shape)
        from keepDim in Gen.Elements(false, true)
        select (c, dim, keepDim);
}
