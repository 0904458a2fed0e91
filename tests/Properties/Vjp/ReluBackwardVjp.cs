namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// relu's fused VJP g = ȳ where y > 0 (else 0) as an op of its own: linear in ȳ, so ∂/∂ȳ is the same mask; and its
/// values against the mask written out, with a NaN in y letting ȳ through as PyTorch's threshold_backward does.
/// </summary>
public sealed class ReluBackwardVjp
{
    static readonly Gen<(Case Case, Sample Y)> Cases =
        from shape in Generators.Shapes()
        from yBar in Generators.Samples(shape)
        from y in Generators.Samples(shape)
        from seed in Generators.Seeds
        select (new Case([yBar], seed), y);

    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => ReluBackward.Apply(xs[0], t.Y.Array()), t.Case));

    [Fact]
    public void Masks_where_the_output_is_not_positive()
    {
        var yBar = Expr.Constant(NdArray.From([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], Shape.Of(10), DType.Float32));
        var y = NdArray.From([0.5, 0, -1, 2, double.NaN, 3, 0, 1, 1, -0.0], Shape.Of(10), DType.Float32);
        var g = Autodiff.Eval(ReluBackward.Apply(yBar, y)).Value.ToDoubles();
        Assert.Equal([1.0, 0, 0, 4, 5, 6, 0, 8, 9, 0], g);
    }
}
