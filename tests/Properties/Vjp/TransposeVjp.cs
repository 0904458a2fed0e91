namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>x̄ = ȳ with the same two dimensions swapped back; torch.t likewise for rank ≤ 2.</summary>
public sealed class TransposeVjp
{
    static readonly Gen<(Case Case, int Dim0, int Dim1)> Cases =
        from c in Generators.UnaryCases()
        from dim0 in Generators.Dims(c.Inputs[0].Shape)
        from dim1 in Generators.Dims(c.Inputs[0].Shape)
        select (c, dim0, dim1);

    static readonly Gen<Case> Matrices =
        from shape in Generators.Shapes(0, 2)
        from x in Generators.Samples(shape)
        from seed in Generators.Seeds
        select new Case([x], seed);

    [Property]
    public Property Transpose_matches_central_differences_for_every_pair_of_dims() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => Transpose.Apply(xs[0], t.Dim0, t.Dim1), t.Case));

    [Property(MaxTest = 100)]
    public Property T_matches_central_differences() =>
        Prop.ForAll(Matrices.ToArbitrary(), c => Gradcheck.Verify(xs => Transpose.T(xs[0]), c));
}
