namespace Nabla.Samples.Digits;

/// <summary>
/// A Fisher–Yates shuffle driven by SplitMix64, small enough to write the same way in digits.py, so the C# sample and
/// its PyTorch twin use the same split and the same batch order for a given seed.
/// </summary>
public sealed class Shuffle(ulong seed)
{
    ulong state = seed;

    /// <summary>The next 64 random bits (SplitMix64).</summary>
    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0, 1, …, n − 1 in a random order: for i from n − 1 down to 1, swap i with Next() mod (i + 1).</summary>
    public int[] Permutation(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
