namespace Nabla.Examples;

/// <summary>
/// tanh near zero. PyTorch 1.13 gives torch.tensor([1e-9]).tanh() -> 9.999999717180685e-10 (x itself, to Float32's
/// rounding) and 1e-20 -> 1e-20 in Float64; Nabla's first kernel (System.Numerics.Tensors' tanh) gave −5.96e-8 and
/// lost digits below about 0.5.
/// </summary>
public sealed class TanhAccuracyTests
{
    static IEnumerable<double> Sweep() =>
        Enumerable.Range(-300, 305).Select(k => Math.Pow(10, k / 10.0)).SelectMany(v => new[] { v, -v, v * 0.7, -v * 0.3 });

    [Fact]
    public void Float64_tanh_is_within_two_ulps_of_the_C_library_s_everywhere()
    {
        var xs = Sweep().ToArray();
        var y = Tensor.From(xs, dtype: DType.Float64).Tanh().ToArray();
        for (var k = 0; k < xs.Length; k++) Approx.Relative(Math.Tanh(xs[k]), y[k], 2 * Approx.Eps64, floor: 1e-300, what: $"tanh({xs[k]:R})");
        // One element takes the inline path: the same kernel.
        Assert.Equal(1e-20, Tensor.Scalar(1e-20, dtype: DType.Float64).Tanh().Item());
    }

    [Fact]
    public void Float32_tanh_is_within_an_ulp_of_the_rounded_exact_value()
    {
        var xs = Sweep().Where(v => Math.Abs(v) > 1e-37 && Math.Abs(v) < 1e30).Select(v => (double)(float)v).ToArray();
        var y = Tensor.From(xs, dtype: DType.Float32).Tanh().ToArray();
        for (var k = 0; k < xs.Length; k++)
            Approx.Relative((float)Math.Tanh(xs[k]), y[k], 2 * Approx.Eps32, floor: 1e-37, what: $"tanh({xs[k]:R})");
        // torch.tensor([1e-9]).tanh().item() -> 9.999999717180685e-10
        Assert.Equal(9.999999717180685e-10, Tensor.From([1e-9], dtype: DType.Float32).Tanh().ToArray()[0]);
    }
}
