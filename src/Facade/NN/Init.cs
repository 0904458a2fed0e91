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

    // A model's layers take nearby seeds (seed, seed + 1, ...), and System.Random(int)'s first outputs for nearby
    // seeds are known to be close; SplitMix64's finaliser spreads the seeds over the whole range first. (Accuracy on
    // the digits did not measurably change with it: docs/BENCHMARKS.md §4 shows the spread is the split's.)
    static int Mix(int seed)
    {
        var z = (ulong)seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
