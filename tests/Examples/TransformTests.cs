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

    [Fact]
    public void Hessian_of_x_squared_y_plus_y_cubed()
    {
        // f = x²y + y³ at (1.5, −2): torch.autograd.functional.hessian -> tensor([[ -4.,   3.], [  3., -12.]], dtype=torch.float64)
        var v = Tensor.From([1.5, -2.0], dtype: DType.Float64);
        var h = Autograd.Hessian(p => p[0].Pow(2) * p[1] + p[1].Pow(3), v);
        Assert.Equal(new[] { 2, 2 }, h.Shape);
        Assert.Equal(new[] { -4.0, 3, 3, -12 }, h.ToArray());
        Assert.Null(h.GradFn);
    }

    [Fact]
    public void Second_derivative_of_x_cubed_from_hessian_and_jvp()
    {
        // x³ at 3: f'' = 18, by forward over reverse; the JVP of x³ along 1 is f' = 27.
        Assert.Equal(18.0, Autograd.Hessian(x => x.Pow(3), S(3)).Item());
        Assert.Equal(27.0, Autograd.Jvp(x => x.Pow(3), S(3), S(1)).Jvp.Item());
    }

    [Fact]
    public void Jacobian_by_rows_and_by_columns()
    {
        // torch.autograd.functional.jacobian(lambda x: x.tanh() * x.sum(), x) for x = [0.5, -1.]
        var x = Tensor.From([0.5, -1.0], dtype: DType.Float64);
        Tensor F(Tensor t) => t.Tanh() * t.Sum();
        var reverse = Autograd.Jacobian(F, x).ToArray();
        var forward = Autograd.Jacobian(F, x, mode: Core.JacobianMode.Forward).ToArray();
        double t0 = Math.Tanh(0.5), t1 = Math.Tanh(-1), s = -0.5;
        var expected = new[] { (1 - t0 * t0) * s + t0, t0, t1, (1 - t1 * t1) * s + t1 };
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], reverse[i], 12);
            Assert.Equal(expected[i], forward[i], 12);
        }
    }

    [Fact]
    public void Newtons_method_from_grad_and_hessian()
    {
        // Rosenbrock's function from (−1.2, 1): Newton steps x ← x − H⁻¹∇f reach the minimum (1, 1).
        static Tensor Rosenbrock(Tensor p) => (1 - p[0]).Pow(2) + 100 * (p[1] - p[0].Pow(2)).Pow(2);
        var x = Tensor.From([-1.2, 1.0], dtype: DType.Float64);
        var steps = 0;
        for (; steps < 20; steps++)
        {
            var gradient = Autograd.Vjp(Rosenbrock, x, S(1)).Vjp.ToArray();
            if (Math.Sqrt(gradient.Sum(g => g * g)) < 1e-10) break;
            var h = Autograd.Hessian(Rosenbrock, x).ToArray();
            var step = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(2, 2, h)
                .Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(gradient));
            x = Tensor.From([x.ToArray()[0] - step[0], x.ToArray()[1] - step[1]], dtype: DType.Float64);
        }
        Assert.InRange(steps, 2, 10);
        Assert.Equal(1.0, x.ToArray()[0], 9);
        Assert.Equal(1.0, x.ToArray()[1], 9);
    }

    [Fact]
    public void Hessian_vector_product_on_a_thousand_parameters_without_the_hessian()
    {
        // f(x) = Σ cᵢxᵢ³ + (Σ xᵢ)²: H = diag(6c⊙x) + 2·11ᵀ, so H·v = 6 c⊙x⊙v + 2(Σv)·1.
        const int n = 1000;
        var random = new Random(5);
        double[] Draw() => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var (cs, xs, vs) = (Draw(), Draw(), Draw());
        var c = Tensor.From(cs, dtype: DType.Float64);
        Tensor F(Tensor x) => (c * x.Pow(3)).Sum() + x.Sum().Pow(2);

        var hv = Autograd.Hvp(F, Tensor.From(xs, dtype: DType.Float64), Tensor.From(vs, dtype: DType.Float64)).ToArray();

        var sumV = vs.Sum();
        Assert.Equal(n, hv.Length);
        // Σv is summed here in order and by Nabla in its cascade; each sum errs by at most n·2⁻⁵³·Σ|v| (Higham §4.2),
        // doubled by the factor 2 of the formula, and the product term by a few ulps of itself. (Rounding both sides to
        // 10 decimals failed when they straddled a rounding boundary, 1e-14 apart.)
        var sumError = 2 * 2 * n * Math.Pow(2, -53) * vs.Sum(Math.Abs);
        for (var i = 0; i < n; i++)
        {
            var expected = 6 * cs[i] * xs[i] * vs[i] + 2 * sumV;
            var bound = sumError + 8 * Math.Pow(2, -53) * Math.Abs(6 * cs[i] * xs[i] * vs[i]);
            Assert.True(Math.Abs(hv[i] - expected) <= bound, $"(H·v)[{i}] = {hv[i]:R}, expected {expected:R} within {bound:E2}");
        }
    }
}
