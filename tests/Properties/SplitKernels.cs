namespace Nabla.Properties;

using Nabla.Core;
using Nabla.Core.Numerics;

/// <summary>
/// The transcendental kernels split arrays past 2 × 65,536 elements across the cores (Numerics/Chunks.cs). Each core
/// runs the same vector code on its chunk, so a split result equals, bit for bit, the same values computed in short
/// arrays that are never split.
/// </summary>
public sealed class SplitKernels
{
    const int Length = 3 * Chunks.MinPerCore + 37;   // splits on any machine with two or more cores; a tail in the last chunk
    const int Piece = 1000;

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Split_results_equal_unsplit_ones(DType dtype)
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, Length).Select(_ => (random.NextDouble() * 2 - 1) * 8).ToArray();
        var whole = NdArray.From(values, Shape.Of(Length), dtype);
        foreach (var op in new[] { UnaryKernel.Exp, UnaryKernel.Tanh, UnaryKernel.Sigmoid, UnaryKernel.Sin, UnaryKernel.Cos })
        {
            var split = Elementwise.Unary(op, whole).ToDoubles();
            for (var start = 0; start < Length; start += Piece)
            {
                var count = Math.Min(Piece, Length - start);
                var piece = Elementwise.Unary(op, NdArray.From(values[start..(start + count)], Shape.Of(count), dtype)).ToDoubles();
                for (var i = 0; i < count; i++)
                    Assert.True(BitConverter.DoubleToInt64Bits(piece[i]) == BitConverter.DoubleToInt64Bits(split[start + i]),
                                $"{op} of element {start + i} ({values[start + i]:R}): {split[start + i]:R} split, {piece[i]:R} alone");
            }
        }
    }
}
