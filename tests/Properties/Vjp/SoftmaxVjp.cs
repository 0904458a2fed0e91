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

    [Fact]
    public void Softmax_matches_central_differences() =>
        Props.Check(Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => Softmax.Apply(xs[0], t.Dim), t.Case)), 200);

    [Fact]
    public void LogSoftmax_matches_central_differences() =>
        Props.Check(Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => LogSoftmax.Apply(xs[0], t.Dim), t.Case)), 200);
}
