using Nabla.Core;

namespace Nabla.NN;

/// <summary>Initial values for parameters: PyTorch's defaults for Linear and Conv2d, from a seed.</summary>
internal static class Init
{
    /// <summary>
    /// U(−1/√fanIn, 1/√fanIn): PyTorch's kaiming_uniform_(a=√5) for weights and its bias rule, which give the same bound.
    /// </summary>
    public static Tensor Uniform(int[] shape, int fanIn, Random random, DType? dtype)
    {
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        var values = new double[shape.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < values.Length; i++) values[i] = (2 * random.NextDouble() - 1) * bound;
        // A plain tensor even in inference mode: parameters must be usable by autograd later.
        return new Tensor(Expr.Constant(NdArray.From(values, Shape.Of(shape), Tensor.Floating(dtype))));
    }

    /// <summary>The generator for a module's initial values: seeded when a seed is given, otherwise seeded at random.</summary>
    public static Random Generator(int? seed) => seed is { } s ? new Random(s) : new Random(Random.Shared.Next());
}
