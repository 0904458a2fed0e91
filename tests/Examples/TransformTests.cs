namespace Nabla.Examples;

/// <summary>
/// torch.autograd.functional's transforms in the facade (Vjp, Jvp, Jacobian, Hessian, Hvp), nested without perturbation
/// confusion; PyTorch 1.13's results beside the assertions.
/// </summary>
public class TransformTests
{
    static Tensor S(double v) => Tensor.Scalar(v, dtype: DType.Float64);

    [Fact]
    public void Nested_derivatives_keep_their_perturbations_apart()
    {
        // d/dx [x · (d/dy (x·y))] at x = 1 is d/dx x² = 2; confusing the two perturbations would give 1.
        Tensor F(Tensor x) => x * Autograd.Vjp(y => x * y, S(1), S(1), createGraph: true).Vjp;
        var (value, derivative) = Autograd.Vjp(F, S(1), S(1));
        Assert.Equal(1.0, value.Item());
        Assert.Equal(2.0, derivative.Item());
    }

    [Fact]
    public void Second_derivative_of_x_cubed_by_nesting_vjps()
    {
        // torch.autograd.grad(x**3, x, create_graph=True) at 3 -> 27., then its grad -> 18.
        Tensor D(Tensor x) => Autograd.Vjp(t => t.Pow(3), x, S(1), createGraph: true).Vjp;
        Assert.Equal(27.0, D(S(3)).Item());
        Assert.Equal(18.0, Autograd.Vjp(D, S(3), S(1)).Vjp.Item());
    }

    [Fact]
    public void Vjp_without_create_graph_gives_detached_results_and_leaves_grad_alone()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true, dtype: DType.Float64);
        var (y, vjp) = Autograd.Vjp(t => (t * t).Sum(), x, S(1));
        Assert.Equal("tensor(5., dtype=float64)", y.ToString());
        Assert.Equal("tensor([2., 4.], dtype=float64)", vjp.ToString());
        Assert.Null(x.Grad);
        var e = Assert.Throws<ArgumentException>(() => Autograd.Vjp(t => t * 2, x, S(1)));
        Assert.Equal("vjp: v has shape [] but f(x) has shape [2]", e.Message);
    }
}
