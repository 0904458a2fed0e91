namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Softmax: x̄ = y ⊙ (ȳ − Σ_dim ȳ ⊙ y). Log-softmax: x̄ = ȳ − eʸ ⊙ Σ_dim ȳ. Along every dim.</summary>
public sealed class SoftmaxVjp
{
    static readonly Gen<(Case Case, int Dim)> Cases =
        from c in Generators.UnaryCases()
        from dim in Generators.Dims(c.Inputs[0].Shape)
        select (c, dim);

    [Property]
    public Property Softmax_matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => Softmax.Apply(xs[0], t.Dim), t.Case));

    [Property]
    public Property LogSoftmax_matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => LogSoftmax.Apply(xs[0], t.Dim), t.Case));
}
