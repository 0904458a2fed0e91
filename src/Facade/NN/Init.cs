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
    public static Random Generator(int? seed) => seed is { } s ? new Random(Mix(s)) : new Random(Random.Shared.Next());

    // System.Random(int) gives strongly correlated streams for nearby seeds (seed, seed + 1, ... for the layers of one
    // model), which made whole layers start out alike and cost the digits CNN two points of accuracy. SplitMix64's
    // finaliser spreads nearby seeds over the whole range first.
    static int Mix(int seed)
    {
        var z = (ulong)seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
