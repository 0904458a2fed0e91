using Nabla.NN;

namespace Nabla.Examples;

/// <summary>
/// Float32 reductions at 10M and 16M elements agree with the same Float32 values reduced in Float64 (computed here,
/// term by term in double) within 1e-6 relative: sums of everything and over a dim (a contiguous row, and rows added
/// into an accumulator), means, the losses, softmax's denominator, a dot product and the gradients that backward sums
/// back to a broadcast input. A plain SIMD sum keeps a few lane accumulators that grow with n, and once one is large
/// each addend loses its low bits: 10M × 0.1f summed that way is off by 0.6 %. PyTorch 1.13's cascade keeps its sums,
/// means and losses within 6e-7 on the same cases (its softmax over one long row is off by 1.1e-3); its figures are in
/// docs/BENCHMARKS.md §6, from bench/torch/reduction_accuracy.py.
/// The reference sums run sequentially in double, whose error (n·2⁻⁵³ relative at most, 1e-9 at 16M) is far below
/// the tolerance. Mixed-sign data has a positive mean, so its sum is not a cancellation to nearly nothing (which no
/// Float32 sum, PyTorch's included, gets to 1e-6 relative).
/// </summary>
public class ReductionAccuracyTests
{
    const double Tolerance = 1e-6;
    const int TenMillion = 10_000_000, SixteenMillion = 16_000_000;

    static float[] Uniform(int n, int seed, float lo, float hi)
    {
        var rng = new Random(seed);
        var x = new float[n];
        for (var i = 0; i < n; i++) x[i] = lo + (hi - lo) * rng.NextSingle();
        return x;
    }

    static double DoubleSum(float[] x)
    {
        var s = 0.0;
        foreach (var v in x) s += v;
        return s;
    }

    static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected),
                    $"{what}: {actual:R}, Float64 gives {expected:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    static Tensor Of(float[] x, params int[] shape) => Tensor.From(x, shape);

    // ---------------------------------------------------------------------------------------------------------------
    // Sum and mean of everything

    [Fact]
    public void Sum_and_mean_of_ten_million_tenths()
    {
        // torch.full((10**7,), 0.1).sum() -> 1000000.0 (the Float64 sum of the same floats is 1000000.0149011612)
        var x = Tensor.Full([TenMillion], 0.1);
        var expected = TenMillion * (double)0.1f;
        Close(expected, x.Sum().Item(), "sum");
        Close(expected / TenMillion, x.Mean().Item(), "mean");
    }

    [Theory]
    [InlineData(TenMillion, 0f, 1f, 1)]
    [InlineData(SixteenMillion, 0f, 1f, 2)]
    [InlineData(TenMillion, -1f, 1.25f, 3)]
    [InlineData(SixteenMillion, -1f, 1.25f, 4)]
    public void Sum_and_mean_of_seeded_uniform_data(int n, float lo, float hi, int seed)
    {
        var xs = Uniform(n, seed, lo, hi);
        var x = Of(xs, n);
        var expected = DoubleSum(xs);
        Close(expected, x.Sum().Item(), "sum");
        Close(expected / n, x.Mean().Item(), "mean");
    }

    /// <summary>Float64 sums use the same cascade, so their error stays at a few ulps too (a sequential sum of 10M × 0.1 errs by ~1e-10).</summary>
    [Fact]
    public void Float64_sum_of_ten_million_tenths_is_within_a_few_ulps()
    {
        // The exact sum of 10⁷ copies of the double nearest 0.1 is 1000000.0000000000555…, whose nearest double is 1e6.
        var x = Tensor.Full([TenMillion], 0.1, dtype: DType.Float64);
        var sum = x.Sum().Item();
        Assert.True(Math.Abs(sum - 1e6) <= 1e-14 * 1e6, $"sum {sum:R}");
    }

    /// <summary>
    /// Int64 sums stay exact (and wrap on overflow, as PyTorch's do): no detour through floating point. The values
    /// read back through double are exact (2⁵⁶ + 2²⁰ and −2⁶³ have at most 37 significant bits).
    /// </summary>
    [Fact]
    public void Int64_sums_stay_exact()
    {
        var big = (1L << 36) + 1;
        var x = Tensor.From(Enumerable.Repeat(big, 1 << 20).ToArray(), [1 << 19, 2]);
        Assert.Equal(big << 20, (long)x.Sum().Item());
        Assert.Equal([big << 19, big << 19], x.Sum(0).ToArray().Select(v => (long)v));
        Assert.Equal(long.MinValue, (long)Tensor.From([long.MaxValue, 1L]).Sum().Item());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sum and mean over one dim: rows summed one by one (the dim is last) and rows added into an accumulator (it is not)

    [Theory]
    [InlineData(new[] { 2, 8_000_000 }, 1)]
    [InlineData(new[] { 10_000_000, 2 }, 0)]
    [InlineData(new[] { 8_000_000, 2 }, 0)]
    [InlineData(new[] { 2, 4_000_000, 2 }, 1)]
    [InlineData(new[] { 1_000_000, 16 }, 0)]
    public void Sum_and_mean_over_a_dim_of_sixteen_million(int[] shape, int dim)
    {
        var n = shape.Aggregate(1, (a, b) => a * b);
        var xs = Uniform(n, seed: 5, 0.05f, 0.15f);
        var x = Of(xs, shape);
        int outer = shape[..dim].Aggregate(1, (a, b) => a * b), along = shape[dim], inner = n / (outer * along);
        var expected = new double[outer * inner];
        for (var o = 0; o < outer; o++)
        for (var k = 0; k < along; k++)
        for (var j = 0; j < inner; j++)
            expected[o * inner + j] += xs[(o * along + k) * inner + j];
        var sums = x.Sum(dim).ToArray();
        var means = x.Mean(dim).ToArray();
        Assert.Equal(expected.Length, sums.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Close(expected[i], sums[i], $"sum({dim})[{i}]");
            Close(expected[i] / along, means[i], $"mean({dim})[{i}]");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Losses

    [Fact]
    public void MseLoss_of_sixteen_million()
    {
        var xs = Uniform(SixteenMillion, seed: 6, -1f, 1f);
        var ts = Uniform(SixteenMillion, seed: 7, -1f, 1f);
        var expected = 0.0;
        for (var i = 0; i < xs.Length; i++) expected += ((double)xs[i] - ts[i]) * ((double)xs[i] - ts[i]);
        Close(expected / xs.Length, Functional.MseLoss(Of(xs, SixteenMillion), Of(ts, SixteenMillion)).Item(), "mse_loss");
    }

    [Fact]
    public void CrossEntropy_over_five_million_rows()
    {
        const int rows = 5_000_000, classes = 2;
        var logits = Uniform(rows * classes, seed: 8, -2f, 2f);
        var rng = new Random(9);
        var targets = new long[rows];
        for (var i = 0; i < rows; i++) targets[i] = rng.Next(classes);
        var expected = 0.0;
        for (var i = 0; i < rows; i++)
        {
            double a = logits[2 * i], b = logits[2 * i + 1], max = Math.Max(a, b);
            expected += max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max)) - (targets[i] == 0 ? a : b);
        }
        var loss = Functional.CrossEntropy(Of(logits, rows, classes), Tensor.From(targets));
        Close(expected / rows, loss.Item(), "cross_entropy");
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_of_ten_million()
    {
        var xs = Uniform(TenMillion, seed: 10, -4f, 4f);
        var rng = new Random(11);
        var ts = new float[TenMillion];
        for (var i = 0; i < ts.Length; i++) ts[i] = rng.Next(2);
        var expected = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            double x = xs[i];
            expected += Math.Max(x, 0) - x * ts[i] + Math.Log(1 + Math.Exp(-Math.Abs(x)));
        }
        var loss = Functional.BinaryCrossEntropyWithLogits(Of(xs, TenMillion), Of(ts, TenMillion));
        Close(expected / xs.Length, loss.Item(), "binary_cross_entropy_with_logits");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Softmax over one long row, and a dot product

    [Fact]
    public void Softmax_over_a_row_of_ten_million_sums_to_one_and_log_softmax_matches_logsumexp()
    {
        var xs = Uniform(TenMillion, seed: 12, -3f, 3f);
        var x = Of(xs, TenMillion);
        double max = xs.Max(), s = 0;
        foreach (var v in xs) s += Math.Exp(v - max);
        var logSumExp = max + Math.Log(s);

        Close(1, x.Softmax(0).ToArray().Sum(), "Σ softmax");
        var y = x.LogSoftmax(0).ToArray();
        foreach (var i in new[] { 0, 1, TenMillion / 2, TenMillion - 1 })
            Close(logSumExp, xs[i] - y[i], $"x[{i}] − log_softmax[{i}]");
        // Each log-softmax output (about −16 to −22 here) is rounded to Float32, as is the ln Σ they all subtract: up
        // to an ulp of |y| absolute, which exp turns into a relative error of each term of Σ exp(y) beside the sum's own.
        var largest = (float)y.Max(Math.Abs);
        var ulp = MathF.BitIncrement(largest) - largest;
        var sumExp = y.Sum(Math.Exp);
        Assert.True(Math.Abs(sumExp - 1) <= Tolerance + ulp, $"Σ exp(log_softmax) = {sumExp:R}, not 1 within {Tolerance + ulp:E2}");
    }

    [Fact]
    public void Dot_of_ten_million()
    {
        var xs = Uniform(TenMillion, seed: 13, -1f, 1.25f);
        var ys = Uniform(TenMillion, seed: 14, 0f, 1f);
        var expected = 0.0;
        for (var i = 0; i < xs.Length; i++) expected += (double)xs[i] * ys[i];
        Close(expected, Of(xs, TenMillion).MatMul(Of(ys, TenMillion)).Item(), "dot");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Backward: gradients summed back to a broadcast input

    [Fact]
    public void Broadcast_gradients_summed_to_one_element()
    {
        var x = Tensor.Full([TenMillion], 0.1);
        var b = Tensor.Full([1], 1.0, requiresGrad: true);
        (x + b).Sum().Backward();
        Close(TenMillion, b.Grad!.Item(), "(x + b).sum() → b.grad");

        var c = Tensor.Full([1], 1.0, requiresGrad: true);
        (x * c).Sum().Backward();
        Close(TenMillion * (double)0.1f, c.Grad!.Item(), "(x * c).sum() → c.grad = Σ x");
    }

    [Fact]
    public void Broadcast_gradients_summed_over_eight_million_rows()
    {
        const int rows = 8_000_000;
        var x = Tensor.Zeros([rows, 2]);
        var b = Tensor.Zeros([2], requiresGrad: true);
        (x + b).Mean().Backward();
        // Each of the 16M cotangents is 1/16M rounded to Float32; b.grad sums 8M of them per element.
        var expected = rows * (double)(1f / (2f * rows));
        var grad = b.Grad!.ToArray();
        Close(expected, grad[0], "(x + b).mean() → b.grad[0]");
        Close(expected, grad[1], "(x + b).mean() → b.grad[1]");
    }
}
