namespace Nabla.Core.Numerics;

/// <summary>
/// Large elementwise work split across the cores, as PyTorch splits its kernels with OpenMP: each core takes one
/// contiguous chunk, so every element is computed by the same code as on one core and results do not depend on the
/// split. Below <see cref="MinPerCore"/> elements per core a hand-off (a few microseconds) costs more than it saves.
/// <c>NABLA_NUM_THREADS=n</c> caps the cores used (1: no splitting), as OMP_NUM_THREADS does for PyTorch.
/// </summary>
internal static class Chunks
{
    /// <summary>The cores elementwise work may use: the machine's, or fewer when NABLA_NUM_THREADS says so.</summary>
    public static readonly int Cores =
        int.TryParse(Environment.GetEnvironmentVariable("NABLA_NUM_THREADS"), out var n) && n >= 1
            ? Math.Min(n, Environment.ProcessorCount)
            : Environment.ProcessorCount;

    /// <summary>Elements each extra core must get before the work is split.</summary>
    public const int MinPerCore = 1 << 16;

    /// <summary>True when <paramref name="length"/> elements are worth splitting.</summary>
    public static bool Worth(int length) => Cores > 1 && length >= 2 * MinPerCore;

    /// <summary>Runs <paramref name="body"/>(start, count) over [0, length) in one chunk per core (chunks start on multiples of 64).</summary>
    public static void For(int length, Action<int, int> body)
    {
        var cores = Math.Min(Cores, length / MinPerCore);
        if (cores <= 1)
        {
            body(0, length);
            return;
        }
        // ⌈length / cores⌉ rounded up to a multiple of 64, so the chunks cover every element.
        var chunk = ((length - 1) / cores + 1 + 63) & ~63;
        Parallel.For(0, cores, c =>
        {
            var start = c * chunk;
            if (start < length) body(start, Math.Min(chunk, length - start));
        });
    }
}
