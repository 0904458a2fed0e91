namespace Nabla.Properties;

using Nabla.Core;

/// <summary>
/// Mm reads an operand transposed in place when asked (the form a linear layer's weight gradient takes), with no
/// transposed copy. Its VJP and JVP for every flag combination are rows of <see cref="GradcheckTable"/>.
/// </summary>
public sealed class MmFacts
{
    [Fact]
    public void A_transposed_operand_gives_the_product_of_the_transposed_matrix()
    {
        var a = Expr.Constant(NdArray.From([1.0, 2, 3, 4, 5, 6], Shape.Of(3, 2), DType.Float64));   // Aᵀ = [[1,3,5],[2,4,6]]
        var b = Expr.Constant(NdArray.From([1.0, 0, 2, 1, 0, 3], Shape.Of(3, 2), DType.Float64));
        var y = Autodiff.Eval(Mm.Apply(a, b, transposeA: true, transposeB: false)).Value;
        Assert.Equal([7.0, 18, 10, 22], y.ToDoubles());                                             // Aᵀ·B
    }
}
