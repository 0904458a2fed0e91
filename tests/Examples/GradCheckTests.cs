namespace Nabla.Examples;

/// <summary>Autograd.GradCheck and GradGradCheck, as torch.autograd.gradcheck and gradgradcheck.</summary>
public class GradCheckTests
{
    static Tensor X() => Tensor.From([0.5, -1.25, 2.0], requiresGrad: true, dtype: DType.Float64);
    static Tensor W() => Tensor.From(new double[,] { { 0.3, -0.7, 1.1 }, { 0.2, 0.4, -0.9 } }, requiresGrad: true, dtype: DType.Float64);

    [Fact]
    public void Correct_gradients_pass()
    {
        // torch.autograd.gradcheck(lambda x, w: (w @ x.tanh()).exp(), (x, w)) -> True
        Assert.True(Autograd.GradCheck(xs => xs[1].MatMul(xs[0].Tanh()).Exp(), [X(), W()]));
        Assert.True(Autograd.GradCheck(xs => (xs[0] * xs[0]).Sum().Sqrt(), [X()]));
        // Inputs that do not require grad are not checked.
        Assert.True(Autograd.GradCheck(xs => xs[0] * xs[1], [X(), W().Detach()[0]]));
    }

    [Fact]
    public void Second_derivatives_pass()
    {
        Assert.True(Autograd.GradGradCheck(xs => xs[1].MatMul(xs[0].Tanh()), [X(), W()]));
        Assert.True(Autograd.GradGradCheck(xs => (xs[0].Pow(3) * xs[0].Sin()).Sum(), [X()]));
    }

    [Fact]
    public void A_wrong_gradient_is_reported_with_both_jacobians()
    {
        // Detach hides one path from backward: f(x) = x·x with one factor detached has gradient x, not 2x.
        var e = Assert.Throws<GradCheckException>(() => Autograd.GradCheck(xs => xs[0] * xs[0].Detach(), [X()]));
        Assert.StartsWith("Jacobian mismatch for output 0 with respect to input 0,\nnumerical:", e.Message);
        Assert.Equal(0, e.InputIndex);
        Assert.Equal(new[] { 3, 3 }, e.Numerical.Shape);
        // Central differences with h = 1e-6 err by about ε·|f|/h ≈ 4e-9 here (|f| ≤ 16): compare within 1e-8.
        Approx.Within([1.0, 0, 0, 0, -2.5, 0, 0, 0, 4.0], e.Numerical.ToArray(), 1e-8, "numerical Jacobian");
        Assert.Equal(new[] { 0.5, 0, 0, 0, -1.25, 0, 0, 0, 2.0 }, e.Analytical.ToArray());
        Assert.Equal((2, 2), (e.WorstRow, e.WorstColumn));
        Assert.Contains("worst entry: d output[2] / d input[2]: numerical 4", e.Message);
    }

    [Fact]
    public void Nothing_to_check_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Autograd.GradCheck(xs => xs[0] * 2, [X().Detach()]));
        Assert.StartsWith("gradcheck expects at least one input tensor to require gradient", e.Message);
    }

    [Fact]
    public void A_backward_that_ignores_grad_output_is_caught()
    {
        // PyTorch's gradcheck ends with _test_backward_mul_by_grad_output: zero grad_outputs must give zero gradients.
        // This hook leaves one-hot cotangents as they are (g + 1 − Σg = g when Σg = 1), so the Jacobian rows agree, but
        // it turns a zero cotangent into ones: GradcheckError: backward not multiplied by grad_output.
        Tensor F(Tensor[] xs)
        {
            var y = xs[0] * 2;
            y.RegisterHook(g => g + 1 - g.Sum());
            return y;
        }
        var e = Assert.Throws<GradCheckException>(() => Autograd.GradCheck(F, [X()]));
        Assert.StartsWith("backward not multiplied by grad_output: with zero grad_outputs the gradient with respect to input 0 is 2 at element 0", e.Message);
        Assert.Equal(0, e.InputIndex);
        Assert.Equal([2.0, 2.0, 2.0], e.Analytical.ToArray());
        Assert.Equal([0.0, 0.0, 0.0], e.Numerical.ToArray());
        // The same function without the hook passes.
        Assert.True(Autograd.GradCheck(xs => xs[0] * 2, [X()]));
    }

    [Fact]
    public void A_function_whose_output_changes_shape_under_perturbation_is_a_clear_error()
    {
        // At x = [1, 2] this gives a vector; moving x[0] below 1 gives a scalar. Before: IndexOutOfRangeException.
        var x = Tensor.From([1.0, 2.0], requiresGrad: true, dtype: DType.Float64);
        var e = Assert.Throws<ArgumentException>(() =>
            Autograd.GradCheck(xs => xs[0].ToArray()[0] >= 1 ? xs[0] * 2 : (xs[0] * 2).Sum(), [x]));
        Assert.StartsWith("gradcheck: output 0 of the checked function is Float64 of shape [2] at the inputs but Float64 of shape [] when element 0 of input 0 is moved by -1E-06", e.Message);
        Assert.Equal("f", e.ParamName);
        var dtype = Assert.Throws<ArgumentException>(() =>
            Autograd.GradCheck(xs => xs[0].ToArray()[0] >= 1 ? xs[0] * 2 : (xs[0] * 2).To(DType.Float32), [x]));
        Assert.Contains("is Float64 of shape [2] at the inputs but Float32 of shape [2]", dtype.Message);
    }
}
