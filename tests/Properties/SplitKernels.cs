namespace Nabla.Properties;

using Nabla.Core;
using Nabla.Core.Numerics;

/// <summary>
/// The transcendental kernels split arrays past 2 × 65,536 elements across the cores (Numerics/Chunks.cs). Each core
/// runs the same vector code on a chunk that starts on a multiple of 64 elements, so the lanes group as they do in one
/// pass, and a split result equals, bit for bit, the same array computed unsplit.
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
}
