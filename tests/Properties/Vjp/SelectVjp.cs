namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Select: x̄ = zeros with ȳ at index i of dim 0. SelectScatter, its adjoint: x̄ = ȳ[i].</summary>
public sealed class SelectVjp
{
    static readonly Gen<(Case Case, int Index)> Selections =
        from shape in Generators.Shapes(1, 3)
        from x in Generators.Samples(shape)
        from index in Gen.Choose(-shape[0], shape[0] - 1)
        from seed in Generators.Seeds
        select (new Case([x], seed), index);

    static readonly Gen<(Case Case, Shape Target, int Index)> Scatters =
        from target in Generators.Shapes(1, 3)
        from x in Generators.Samples(target.Reduce(0, keepDim: false))
        from index in Gen.Choose(0, target[0] - 1)
        from seed in Generators.Seeds
        select (new Case([x], seed), target, index);

    [Property]
    public Property Select_matches_central_differences() =>
        Prop.ForAll(Selections.ToArbitrary(), t => Gradcheck.Verify(xs => Select.Apply(xs[0], t.Index), t.Case));

    [Property(MaxTest = 150)]
    public Property SelectScatter_matches_central_differences() =>
        Prop.ForAll(Scatters.ToArbitrary(), t => Gradcheck.Verify(xs => SelectScatter.Apply(xs[0], t.Target, t.Index), t.Case));
}
