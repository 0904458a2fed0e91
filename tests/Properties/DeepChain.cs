namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>Backward is iterative: a chain far deeper than any stack would allow runs and gives the exact derivative.</summary>
public sealed class DeepChain
{
    const int Links = 100_000;
    const double Factor = 1.0000001;

    [Fact]
    public void A_chain_of_200000_ops_backpropagates_without_stack_overflow()
    {
        // y = ((x·c + 0)·c + 0)… with 100,000 multiplications and 100,000 additions, so dy/dx = cⁿ.
        var x = Autodiff.ScalarLeaf(2);
        var (c, zero) = (Expr.Scalar(Factor, DType.Float64), Expr.Scalar(0, DType.Float64));
        var y = x;
        for (var i = 0; i < Links; i++)
            y = Autodiff.Eval(from m in Mul.Apply(y, c) from a in Add.Apply(m, zero) select a);

        var g = Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value[0];
        var expected = Math.Pow(Factor, Links);
        Assert.True(Math.Abs(g - expected) <= 1e-9 * expected, $"dy/dx = {g:R}, expected c^{Links} = {expected:R}");
        Assert.True(Math.Abs(y.Value[0] - 2 * expected) <= 2e-9 * expected, $"y = {y.Value[0]:R}, expected {2 * expected:R}");
    }
}
