namespace Nabla.Examples;

/// <summary>
/// Values at the edges of the floating range, against PyTorch 1.13 (bench/torch/edge_reference.py prints every value
/// quoted here): gradients whose textbook formula overflows or underflows in an intermediate step.
/// </summary>
public class EdgeNumericsTests
{
    // Within a few Float32 ulps (2⁻²³ ≈ 1.2e-7 relative each) of the expected value: two or three roundings apart.
    static void Float32Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 5e-7 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void The_divisor_gradient_of_x_over_x_at_a_tiny_x_is_zero()
    {
        // x = torch.tensor(1e-30, requires_grad=True); (x / x).backward(); x.grad -> tensor(0.)
        // b̄ = −ȳ·a/(b·b) would make b·b = 1e-60, 0 in Float32, and −∞; PyTorch's −ȳ·((a/b)/b) = −1e30 cancels ā = 1e30
        // exactly (both are the same rounded 1/1e-30), so the sum is exactly 0.
        var x = Tensor.Scalar(1e-30, requiresGrad: true);
        (x / x).Backward();
        Assert.Equal(0.0, x.Grad!.Item());

        // Forward mode, the same cancellation: with fwAD, make_dual(tensor(1e-30), tensor(1.)), x / x -> tangent tensor(0.)
        Assert.Equal(0.0, Autograd.Jvp(v => v / v, Tensor.Scalar(1e-30), Tensor.Scalar(1)).Jvp.Item());
    }

    [Fact]
    public void The_divisor_gradient_of_a_huge_quotient_does_not_overflow()
    {
        // a = torch.tensor(1e30, requires_grad=True); b = torch.tensor(1e20, requires_grad=True); (a / b).backward()
        // a.grad, b.grad -> tensor(1.0000e-20) tensor(-1.0000e-10)   (b·b = 1e40 is +∞ in Float32: a/(b·b) gave −0)
        var a = Tensor.Scalar(1e30, requiresGrad: true);
        var b = Tensor.Scalar(1e20, requiresGrad: true);
        (a / b).Backward();
        Float32Close(1e-20, a.Grad!.Item());
        Float32Close(-1e-10, b.Grad!.Item());

        // fwAD: a / make_dual(tensor(1e20), tensor(1.)) -> tangent tensor(-1.0000e-10)
        var a0 = Tensor.Scalar(1e30);
        Float32Close(-1e-10, Autograd.Jvp(v => a0 / v, Tensor.Scalar(1e20), Tensor.Scalar(1)).Jvp.Item());
        // and both tangents at once, ȧ = ḃ = 1 at a = b = 1e-30: 1/b − (a/b)/b = 0 (PyTorch: tensor(0.))
        Assert.Equal(0.0, Autograd.Jvp(v => v / v, Tensor.Scalar(1e-30), Tensor.Scalar(1)).Jvp.Item());
    }

    [Fact]
    public void Reciprocal_and_a_number_over_a_tensor_scale_before_they_square()
    {
        // PyTorch computes reciprocal's gradient as −ȳ·(y·y), and s / b as reciprocal(b)·s (MulBackward0), so its y·y
        // under- or overflows where the gradient itself is an ordinary number:
        //   b = torch.tensor(1e20, requires_grad=True); (1e30 / b).backward(); b.grad -> tensor(-9.9999e-11)
        //     (y·y = 1e-40 is subnormal in Float32 and keeps only ~5 digits; the gradient is −1e30/1e40 = −1e-10)
        //   b = torch.tensor(1e-20, requires_grad=True); (1e-30 / b).backward(); b.grad -> tensor(-inf)
        //     (y·y = 1e40 overflows; the gradient is −1e-30/1e-40 = −1e10)
        // Nabla scales first, −(ȳ·y)·y, as PyTorch's division does for its divisor (−ȳ·((a/b)/b)): the true values.
        var b = Tensor.Scalar(1e20, requiresGrad: true);
        var q = 1e30 / b;
        Assert.Equal("MulBackward0", q.GradFn!.Name);
        q.Backward();
        Float32Close(-1e-10, b.Grad!.Item());

        var c = Tensor.Scalar(1e-20, requiresGrad: true);
        (1e-30 / c).Backward();
        Float32Close(-1e10, c.Grad!.Item());

        // Where PyTorch's y·y is an ordinary number both agree: b = torch.tensor(4., requires_grad=True)
        // b.reciprocal().backward(); b.grad -> tensor(-0.0625)
        var d = Tensor.Scalar(4, requiresGrad: true);
        (1 / d).Backward();
        Float32Close(-0.0625, d.Grad!.Item());

        // Forward mode, the same order: fwAD.make_dual(tensor(1e20), tensor(1e30)).reciprocal() -> tangent
        // tensor(-9.9999e-11) in PyTorch, −ẋ·(y·y) through the subnormal 1e-40; Nabla's −(ẋ·y)·y is −1e-10.
        var jvp = Autograd.Jvp(v => 1 / v, Tensor.Scalar(1e20), Tensor.Scalar(1e30)).Jvp.Item();
        Float32Close(-1e-10, jvp);
    }
}
