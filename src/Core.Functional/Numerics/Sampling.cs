using System.Security.Cryptography;

namespace Nabla.Core.Numerics;

/// <summary>
/// A random generator that draws the numbers PyTorch 1.13's CPU generator draws for the same seed: the 32-bit
/// Mersenne Twister (MT19937, seeded with the seed's low 32 bits as <c>torch.manual_seed</c> does) and PyTorch's
/// transforms of its output to uniform and normal samples, including the normal sample a small draw keeps for the next
/// call. Every draw of a whole tensor happens under one lock, so a tensor's values are a contiguous run of the stream
/// and concurrent draws never share or skip numbers; which of two concurrent draws comes first is up to the threads.
/// </summary>
internal sealed class Generator
{
    const int N = 624, M = 397;
    readonly uint[] state = new uint[N];
    readonly object gate = new();
    int next;
    double? cachedNormal; // the second sample of the last Box–Muller pair of a small draw, as PyTorch keeps it

    /// <summary>A generator seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed) => Seed(seed);

    /// <summary>The process-wide generator: unseeded, it starts from a random seed, as PyTorch's default generator does.</summary>
    public static Generator Global { get; } = new(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)));

    /// <summary>Restarts the stream from <paramref name="seed"/> (only its low 32 bits matter, as in PyTorch).</summary>
    public void Seed(ulong seed)
    {
        lock (gate)
        {
            state[0] = (uint)seed;
            for (var j = 1; j < N; j++) state[j] = 1812433253u * (state[j - 1] ^ (state[j - 1] >> 30)) + (uint)j;
            next = N;
            cachedNormal = null;
        }
    }

    // The next 32-bit output (caller holds the lock).
    uint Next32()
    {
        if (next >= N) Twist();
        var y = state[next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    // The next 624 states: each from its successor's low bits and the state 397 ahead (wrapping round the array).
    void Twist()
    {
        var s = state;
        int i = 0;
        for (; i < N - M; i++) s[i] = s[i + M] ^ Mix(s[i], s[i + 1]);
        for (; i < N - 1; i++) s[i] = s[i + M - N] ^ Mix(s[i], s[i + 1]);
        s[N - 1] = s[M - 1] ^ Mix(s[N - 1], s[0]);
        next = 0;
    }

    static uint Mix(uint upper, uint lower)
    {
        var y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
        return (y >> 1) ^ (0x9908b0dfu & (0u - (y & 1)));
    }

    // Uniform in [0, 1) with the float's 24 bits from one output, or the double's 53 from two (high word first).
    float Uniform32() => (Next32() & 0xFFFFFF) * (1f / (1 << 24));

    double Uniform64()
    {
        var bits = ((ulong)Next32() << 32) | Next32();
        return (bits & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform samples in [0, 1), as torch.rand: one generator output per Float32 element, two per Float64.</summary>
    public NdArray Uniform(Shape shape, DType dtype)
    {
        lock (gate)
        {
            if (dtype == DType.Float32)
            {
                var f = new float[shape.Numel];
                for (var i = 0; i < f.Length; i++) f[i] = Uniform32();
                return NdArray.Own(shape, f);
            }
            var d = new double[shape.Numel];
            for (var i = 0; i < d.Length; i++) d[i] = Uniform64();
            return NdArray.Own(shape, d);
        }
    }

    /// <summary>
    /// Standard normal samples, as torch.randn on the CPU. Fewer than 16 elements: one Box–Muller pair per two samples
    /// in Float64, the odd one kept for the next call. 16 or more: all the uniforms first, then Box–Muller over blocks of
    /// 16 (the first 8 give the radii, the last 8 the angles), the last block redrawn when 16 does not divide the count.
    /// Float32 blocks run in Float32 as PyTorch's AVX2 kernel does, but with the runtime's log, sin and cos where PyTorch
    /// has its own polynomials, so those values are within a few Float32 ulps of PyTorch's rather than equal.
    /// </summary>
    public NdArray Normal(Shape shape, DType dtype)
    {
        var n = shape.Numel;
        lock (gate)
        {
            if (n < 16)
            {
                var d = new double[n];
                for (var i = 0; i < n; i++) d[i] = SmallNormal();
                return dtype == DType.Float32 ? NdArray.From(d, shape, dtype) : NdArray.Own(shape, d);
            }
            if (dtype == DType.Float32)
            {
                var f = new float[n];
                for (var i = 0; i < n; i++) f[i] = Uniform32();
                for (var i = 0; i + 16 <= n; i += 16) BoxMuller16(f.AsSpan(i, 16));
                if (n % 16 != 0)
                {
                    var tail = f.AsSpan(n - 16, 16);
                    for (var i = 0; i < 16; i++) tail[i] = Uniform32();
                    BoxMuller16(tail);
                }
                return NdArray.Own(shape, f);
            }
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = Uniform64();
            for (var i = 0; i + 16 <= n; i += 16) BoxMuller16(v.AsSpan(i, 16));
            if (n % 16 != 0)
            {
                var tail = v.AsSpan(n - 16, 16);
                for (var i = 0; i < 16; i++) tail[i] = Uniform64();
                BoxMuller16(tail);
            }
            return NdArray.Own(shape, v);
        }
    }

    // One sample of a Box–Muller pair in Float64 (u1 gives the angle, u2 the radius), the other kept for the next call.
    double SmallNormal()
    {
        if (cachedNormal is { } kept)
        {
            cachedNormal = null;
            return kept + 0.0;
        }
        var u1 = Uniform64();
        var u2 = Uniform64();
        var r = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        var theta = 2.0 * Math.PI * u1;
        cachedNormal = r * Math.Sin(theta);
        return r * Math.Cos(theta) + 0.0;
    }

    // Box–Muller over 16 uniforms in place: radius from 1 − u[j], angle 2π·u[j + 8].
    static void BoxMuller16(Span<double> u)
    {
        for (var j = 0; j < 8; j++)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - u[j]));
            var theta = 2.0 * Math.PI * u[j + 8];
            u[j] = radius * Math.Cos(theta) + 0.0;
            u[j + 8] = radius * Math.Sin(theta) + 0.0;
        }
    }

    static readonly float TwoPi32 = (float)(2 * Math.PI);

    static void BoxMuller16(Span<float> u)
    {
        for (var j = 0; j < 8; j++)
        {
            var radius = MathF.Sqrt(-2f * (float)Math.Log(1f - u[j]));
            var theta = TwoPi32 * u[j + 8];
            u[j] = radius * (float)Math.Cos(theta) + 0f;
            u[j + 8] = radius * (float)Math.Sin(theta) + 0f;
        }
    }
}
