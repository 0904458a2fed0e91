namespace Nabla.Properties;

using Nabla.Core;
using Nabla.Core.Numerics;

/// <summary>
/// The transcendental kernels split arrays past 2 × 65,536 elements across the cores (Numerics/Chunks.cs). Each core
/// runs the same vector code on a chunk that starts on a multiple of 64 elements, and the chunks cover every element
/// whatever the length. A split result equals the array computed in pieces too short to split to within one ulp: not always bit for
/// bit, because System.Numerics.Tensors groups lanes by where the output buffer lies, so even two unsplit calls into
/// different buffers can differ by an ulp in a rare element (README, "Reproducible bits").
/// </summary>
public sealed class SplitKernels
{
    const int Length = 3 * Chunks.MinPerCore + 37;   // splits on any machine with two or more cores; a tail in the last chunk

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Split_results_equal_unsplit_ones(DType dtype)
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, Length).Select(_ => (random.NextDouble() * 2 - 1) * 8).ToArray();
        var x = NdArray.From(values, Shape.Of(Length), dtype);
        foreach (var op in new[] { UnaryKernel.Exp, UnaryKernel.Log, UnaryKernel.Tanh, UnaryKernel.Sigmoid, UnaryKernel.Sin, UnaryKernel.Cos })
        {
            var split = Elementwise.Unary(op, x).ToDoubles();
            var whole = Unsplit(op, values, dtype);
            for (var i = 0; i < Length; i++)
                Assert.True(WithinAnUlp(whole[i], split[i], dtype), $"{op} of element {i} ({values[i]:R}): {split[i]:R} split, {whole[i]:R} in one pass");
        }
    }

    // The same kernel over pieces too short to split, each computed in one pass on this thread.
    static double[] Unsplit(UnaryKernel op, double[] values, DType dtype) =>
        values.Chunk(Chunks.MinPerCore)
              .SelectMany(piece => Elementwise.Unary(op, NdArray.From(piece, Shape.Of(piece.Length), dtype)).ToDoubles())
              .ToArray();

    static bool WithinAnUlp(double a, double b, DType dtype) =>
        a.Equals(b) || (dtype == DType.Float32
            ? MathF.BitIncrement((float)a) == (float)b || MathF.BitDecrement((float)a) == (float)b
            : Math.BitIncrement(a) == b || Math.BitDecrement(a) == b);

    [Fact]
    public void Chunks_cover_every_element_exactly_once()
    {
        foreach (var length in new[] { 2 * Chunks.MinPerCore, 2 * Chunks.MinPerCore + 1, 2 * Chunks.MinPerCore + 63, 3 * Chunks.MinPerCore + 1, 5 * Chunks.MinPerCore + 129 })
        {
            var covered = new int[length];
            Chunks.For(length, (start, count) =>
            {
                for (var i = start; i < start + count; i++) Interlocked.Increment(ref covered[i]);
            });
            var wrong = Array.FindIndex(covered, c => c != 1);
            Assert.True(wrong < 0, $"length {length}: element {wrong} computed {(wrong < 0 ? 1 : covered[wrong])} times");
        }
    }

    [Fact]
    public void Tanh_of_an_odd_length_array_computes_its_last_element()
    {
        var length = 2 * Chunks.MinPerCore + 1;
        var x = NdArray.From(Enumerable.Repeat(0.5, length).ToArray(), Shape.Of(length), DType.Float32);
        // A Float32 tanh is within a few ulps of the true value (an ulp at 0.46 is 3e-8, a quarter of Float32's ε).
        Approx.Relative(Math.Tanh(0.5), Elementwise.Unary(UnaryKernel.Tanh, x).ToDoubles()[length - 1], 2 * Approx.Eps32);
    }
}
