namespace Nabla.Properties;

using Nabla.Core;
using Nabla.Core.Numerics;

/// <summary>
/// The transcendental kernels split arrays past 2 × 65,536 elements across the cores (Numerics/Chunks.cs). Each core
/// runs the same vector code on a chunk that starts on a multiple of 64 elements, so the lanes group as they do in one
/// pass: on these inputs (|x| ≤ 8) a split result equals, bit for bit, the same array computed unsplit, and the chunks
/// cover every element whatever the length. (Inputs that overflow exp in some lanes can round differently by an ulp
/// even between two unsplit calls, as System.Numerics.Tensors depends on where a buffer lies; README, "Reproducible bits".)
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
            double[] whole;
            using (Chunks.Serial()) whole = Elementwise.Unary(op, x).ToDoubles();
            for (var i = 0; i < Length; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(whole[i]) == BitConverter.DoubleToInt64Bits(split[i]) || (double.IsNaN(whole[i]) && double.IsNaN(split[i])),
                            $"{op} of element {i} ({values[i]:R}): {split[i]:R} split, {whole[i]:R} in one pass");
        }
    }

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
        Assert.Equal(Math.Tanh(0.5), Elementwise.Unary(UnaryKernel.Tanh, x).ToDoubles()[length - 1], 6);
    }
}
