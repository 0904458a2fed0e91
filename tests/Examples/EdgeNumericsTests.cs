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

    // Three Float32 Adam steps on 37 parameters (every SIMD width's lanes and a scalar tail), gradients set by hand:
    // p₀ = 0.25·(i mod 7) − 0.75, gᵢ at step t = ((5i + 3t) mod 11 − 5)/4 (zeros included).
    static float[] ThreeFloat32AdamSteps(double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
    {
        var p = Tensor.From(Enumerable.Range(0, 37).Select(i => 0.25 * (i % 7) - 0.75).ToArray(), requiresGrad: true);
        var optimizer = new Optim.Adam([p], lr, beta1, beta2, eps, weightDecay);
        for (var step = 0; step < 3; step++)
        {
            p.Grad = Tensor.From(Enumerable.Range(0, 37).Select(i => ((i * 5 + step * 3) % 11 - 5) / 4.0).ToArray());
            optimizer.Step();
        }
        Assert.Equal(DType.Float32, p.DType);
        return p.ToArray().Select(v => (float)v).ToArray();
    }

    // Each parameter moves by about lr per step; the old float32 1 − β₂ made every step 6.4e-6 (relative) too large, an
    // error of ~6e-6·lr per step. PyTorch's and Nabla's kernels round the same operations in the same order, so they
    // may differ only where one of them contracts a multiply-add (a vectorising compiler may): allow 2 ulps of the
    // largest value involved, about 2·2⁻²³·3 ≈ 7e-7, ten times below one step's error.
    static void AdamClose(float[] expected, float[] actual, double lr)
    {
        Assert.Equal(expected.Length, actual.Length);
        var tolerance = 2 * Math.Pow(2, -23) * (0.75 + 3 * lr);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance, $"parameter {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Fact]
    public void Float32_adam_computes_its_coefficients_in_double_as_pytorch()
    {
        // torch.optim.Adam([p], lr=1.0), three steps as above; p.detach().numpy() (bench/torch/edge_reference.py).
        // PyTorch computes 1 − β₁, 1 − β₂, the bias corrections and the step size as Python floats (double) and rounds
        // each to float32 only as a kernel's scalar: (float)(1 − 0.999) = 0.001, where 1f − 0.999f = 0.00099998713.
        AdamClose(
            [1.7147443f, -0.99212563f, -1.5895264f, -0.06479257f, -0.5460218f, 1.309005f, 0.46557108f, 0.8341906f, -2.763171f,
             1.879149f, -1.929982f, 2.7147443f, 0.00787434f, -0.5895264f, -0.8147926f, -1.2960218f, 0.5590051f, -0.2844289f,
             1.8341905f, -1.763171f, 2.8791492f, -2.679982f, 1.9647443f, -0.74212563f, -1.3395264f, 0.18520743f, -0.29602182f,
             1.559005f, -1.0344288f, 1.0841905f, -2.513171f, 2.129149f, -1.679982f, 2.9647443f, 0.25787434f, -2.0895264f,
             -0.5647926f],
            ThreeFloat32AdamSteps(lr: 1.0), lr: 1.0);
        // torch.optim.Adam([p], lr=0.5, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)
        AdamClose(
            [0.43319985f, -0.19956394f, -0.80207217f, -0.116850436f, -0.08986506f, 0.69505024f, 0.6096021f, 0.010391898f,
             -1.5514414f, 0.72325784f, -0.91657066f, 1.3764507f, -0.25582355f, 0.09569326f, -0.76131403f, -0.7621822f,
             0.073566586f, -0.07351686f, 0.88108593f, -0.6094057f, 1.6244105f, -1.6098005f, 0.6700976f, 0.025708854f,
             -0.5781073f, 0.10219693f, 0.13375239f, 0.9021072f, -0.7619974f, 0.22952095f, -1.3165555f, 0.94997406f,
             -0.6847322f, 1.6103508f, -0.027791426f, -1.2493433f, -0.54849637f],
            ThreeFloat32AdamSteps(lr: 0.5, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.1), lr: 0.5);
    }

    // NaN, infinities and signed zeros exactly; ordinary values within a few ulps.
    static void SameSpecials(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var ok = double.IsNaN(e) ? double.IsNaN(a)
                : double.IsInfinity(e) || e == 0 ? e.Equals(a) && double.IsNegative(e) == double.IsNegative(a)
                : Math.Abs(a - e) <= 5e-7 * Math.Abs(e);
            Assert.True(ok, $"{what}[{i}]: expected {e:R}, got {a:R}");
        }
    }

    public static TheoryData<double, double[], double[]> PowSpecials => new()
    {
        // x = torch.tensor([-inf, -0., 4., inf], requires_grad=True); y = x.pow(p); y.sum().backward(); y, x.grad
        // PyTorch's pow takes sqrt for p = 0.5, 1/sqrt for −0.5 and 1/x for −1 (pow_tensor_scalar_kernel), x·x, x·x·x and
        // 1/(x·x) for 2, 3 and −2, and std::pow otherwise; so pow(−∞, 0.5) is sqrt(−∞) = nan where IEEE pow gives +∞,
        // and pow(−0, 0.5) is −0. The gradient p·x^(p−1) goes through the same kernel.
        { 0.5, [double.NaN, -0.0, 2, double.PositiveInfinity], [double.NaN, double.NegativeInfinity, 0.25, 0] },
        { -0.5, [double.NaN, double.NegativeInfinity, 0.5, 0], [-0.0, double.NegativeInfinity, -0.0625, -0.0] },
        { -1, [-0.0, double.NegativeInfinity, 0.25, 0], [-0.0, double.NegativeInfinity, -0.0625, -0.0] },
        { 2, [double.PositiveInfinity, 0, 16, double.PositiveInfinity], [double.NegativeInfinity, -0.0, 8, double.PositiveInfinity] },
        { 3, [double.NegativeInfinity, -0.0, 64, double.PositiveInfinity], [double.PositiveInfinity, 0, 48, double.PositiveInfinity] },
        { -2, [0, double.PositiveInfinity, 0.0625, 0], [0, double.PositiveInfinity, -0.03125, -0.0] },
        { 1.5, [double.PositiveInfinity, 0, 8, double.PositiveInfinity], [double.NaN, -0.0, 3, double.PositiveInfinity] },
    };

    [Theory]
    [MemberData(nameof(PowSpecials))]
    public void Pow_by_a_number_at_infinities_and_signed_zeros_follows_pytorch(double p, double[] value, double[] grad)
    {
        foreach (var dtype in new[] { DType.Float32, DType.Float64 })
        {
            // Nine copies, so the SIMD lanes and the scalar tail of every vector width meet each value.
            var x = Tensor.From(Enumerable.Repeat(new[] { double.NegativeInfinity, -0.0, 4, double.PositiveInfinity }, 9)
                                          .SelectMany(v => v).ToArray(), requiresGrad: true, dtype: dtype);
            var y = x.Pow(p);
            y.Sum().Backward();
            var tiled = (double[] v) => Enumerable.Repeat(v, 9).SelectMany(e => e).ToArray();
            SameSpecials(tiled(value), y.ToArray(), $"{dtype} pow({p})");
            SameSpecials(tiled(grad), x.Grad!.ToArray(), $"{dtype} pow({p}) grad");
        }
        // A one-element tensor goes through the same kernel: torch.tensor(float('-inf')).pow(0.5) -> tensor(nan)
        SameSpecials([value[0]], [Tensor.Scalar(double.NegativeInfinity).Pow(p).Item()], $"scalar pow({p})");
    }

    [Fact]
    public void Pow_by_a_tensor_exponent_is_ieee_pow()
    {
        // torch.tensor(float('-inf')).pow(torch.tensor(0.5)) -> tensor(inf): the tensor exponent has no special cases.
        Assert.Equal(double.PositiveInfinity, Tensor.Scalar(double.NegativeInfinity).Pow(Tensor.Scalar(0.5)).Item());
    }
}
