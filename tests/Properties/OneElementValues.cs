namespace Nabla.Properties;

using Nabla.Core;
using Nabla.Core.Numerics;

/// <summary>
/// One-element results are held inline, without a buffer, and computed on their own. For the exactly rounded
/// operations (+, −, ×, ÷, neg, abs, √, relu, sign, the fused tanh and sigmoid backward) each equals, bit for bit, the
/// same element computed inside a longer array by the vector kernels, signed zeros, subnormals, infinities and NaN
/// included.
/// </summary>
public sealed class OneElementValues
{
    // Longer than a vector of either float type, with a tail, so most elements go through the SIMD bodies.
    const int Length = 37;

    static readonly double[] Specials =
        [0.0, -0.0, 1, -1, 0.5, 1e-310, -1e-40, 3e38, -1e300, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    static double[] Values(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Length).Select(_ => random.Next(3) == 0
            ? Specials[random.Next(Specials.Length)]
            : (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-8, 9)))];
    }

    static void AssertSame(double whole, double one, string what) =>
        Assert.True(double.IsNaN(whole) ? double.IsNaN(one) : BitConverter.DoubleToInt64Bits(whole) == BitConverter.DoubleToInt64Bits(one),
                    $"{what}: {one:R} alone, {whole:R} inside an array");

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    [InlineData(DType.Int64)]
    public void Binary_ops_on_one_element_match_the_vector_kernels(DType dtype)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var (xs, ys) = (Values(seed), Values(seed + 1000));
            if (dtype == DType.Int64) (xs, ys) = (Finite(xs), Finite(ys));
            var (a, b) = (NdArray.From(xs, Shape.Of(Length), dtype), NdArray.From(ys, Shape.Of(Length), dtype));
            BinaryKernel[] ops = dtype == DType.Int64 ? [BinaryKernel.Add, BinaryKernel.Sub, BinaryKernel.Mul]
                : [BinaryKernel.Add, BinaryKernel.Sub, BinaryKernel.Mul, BinaryKernel.Div];
            foreach (var op in ops)
            {
                var whole = Elementwise.Binary(op, a, b, "test");
                for (var i = 0; i < Length; i++)
                {
                    var one = Elementwise.Binary(op, NdArray.Scalar(xs[i], dtype), NdArray.Scalar(ys[i], dtype), "test");
                    AssertSame(whole[i], one[0], $"{op}({xs[i]:R}, {ys[i]:R}) in {dtype}");
                }
            }
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Exact_unary_ops_and_fused_backward_on_one_element_match_the_vector_kernels(DType dtype)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var (xs, ys) = (Values(seed), Values(seed + 1000));
            var (x, y) = (NdArray.From(xs, Shape.Of(Length), dtype), NdArray.From(ys, Shape.Of(Length), dtype));
            foreach (var op in new[] { UnaryKernel.Neg, UnaryKernel.Abs, UnaryKernel.Sqrt, UnaryKernel.Relu, UnaryKernel.Sign })
            {
                var whole = Elementwise.Unary(op, x);
                for (var i = 0; i < Length; i++)
                    AssertSame(whole[i], Elementwise.Unary(op, NdArray.Scalar(xs[i], dtype))[0], $"{op}({xs[i]:R}) in {dtype}");
            }
            foreach (var op in new[] { UnaryKernel.Tanh, UnaryKernel.Sigmoid })
            {
                var whole = Elementwise.ActivationGrad(op, x, y);
                for (var i = 0; i < Length; i++)
                {
                    var one = Elementwise.ActivationGrad(op, NdArray.Scalar(xs[i], dtype), NdArray.Scalar(ys[i], dtype));
                    AssertSame(whole[i], one[0], $"{op} backward (ȳ = {xs[i]:R}, y = {ys[i]:R}) in {dtype}");
                }
            }
        }
    }

    [Fact]
    public void An_inline_element_reads_back_through_every_view()
    {
        var x = NdArray.Scalar(0.1, DType.Float32);
        Assert.Equal((double)0.1f, x[0]);
        Assert.Equal([(double)0.1f], x.ToDoubles());
        Assert.Equal([0.1f], x.Buffer<float>());
        var reshaped = x.WithShape(Shape.Of(1, 1));
        Assert.Equal(Shape.Of(1, 1), reshaped.Shape);
        Assert.Equal((double)0.1f, reshaped[0]);
        Assert.Equal((double)0.1f, x.Cast(DType.Float64)[0]);
        Assert.Equal(-7.0, NdArray.Full(Shape.Of(1), -7.9, DType.Int64)[0]);
    }

    // Int64 samples: the finite values, truncated and kept well inside the range so products do not overflow.
    static double[] Finite(double[] xs) =>
        [.. xs.Select(v => double.IsFinite(v) ? Math.Clamp(Math.Truncate(v), -1e8, 1e8) : 3)];
}
