namespace Nabla.Properties;

using Nabla.Core;

/// <summary>
/// relu's fused VJP g = ȳ where y > 0, else 0, against the mask written out; a NaN in y lets ȳ through, as PyTorch's
/// threshold_backward does. Its own VJP and JVP are a row of <see cref="GradcheckTable"/>.
/// </summary>
public sealed class ReluBackwardFacts
{
    [Fact]
    public void Masks_where_the_output_is_not_positive()
    {
        var yBar = Expr.Constant(NdArray.From([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], Shape.Of(10), DType.Float32));
        var y = NdArray.From([0.5, 0, -1, 2, double.NaN, 3, 0, 1, 1, -0.0], Shape.Of(10), DType.Float32);
        var g = Autodiff.Eval(ReluBackward.Apply(yBar, y)).Value.ToDoubles();
        Assert.Equal([1.0, 0, 0, 4, 5, 6, 0, 8, 9, 0], g);
    }
}
