using System.Diagnostics;
using System.Numerics.Tensors;

namespace Nabla.Bench;

/// <summary>
/// Nabla's Sum (no grad) against TensorPrimitives.Sum, the kernel Nabla's Sum called before issue 11, on the same 64K
/// (in L2), 1M and 10M Float32 values, in one process and alternating block by block (which goes first alternates too), so that
/// load from other processes falls on both alike. Prints, per size, the medians over the rounds of each side's mean
/// time per call in a block and the median and quartiles of the per-round ratio Nabla / TensorPrimitives.
/// </summary>
internal static class SumSideBySide
{
    static double sink;

    public static void Run(int rounds = 41)
    {
        Console.WriteLine($"{"n",10} {"TensorPrimitives.Sum",22} {"Nabla Sum",12} {"ratio (median)",15} {"ratio quartiles",16}");
        foreach (var n in new[] { 1 << 16, 1 << 20, 10_000_000 })
        {
            var rng = new Random(1);
            var xs = new float[n];
            for (var i = 0; i < n; i++) xs[i] = rng.NextSingle();
            var x = Tensor.From(xs, [n]);
            var calls = 200_000_000 / n;
            void Old() => sink += TensorPrimitives.Sum(xs);
            void New()
            {
                using (Autograd.NoGrad()) sink += x.Sum().Item();
            }
            Time(Old, calls);
            Time(New, calls);
            var (olds, news, ratios) = (new List<double>(), new List<double>(), new List<double>());
            for (var r = 0; r < rounds; r++)
            {
                double o, m;
                if (r % 2 == 0) (o, m) = (Time(Old, calls), Time(New, calls));
                else (m, o) = (Time(New, calls), Time(Old, calls));
                olds.Add(o);
                news.Add(m);
                ratios.Add(m / o);
            }
            Console.WriteLine($"{n,10} {Median(olds),19:F1} µs {Median(news),9:F1} µs {Median(ratios),15:F3} " +
                              $"{Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}");
        }
    }

    // Mean microseconds per call over a block of calls.
    static double Time(Action f, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) f();
        return watch.Elapsed.TotalMicroseconds / calls;
    }

    static double Median(List<double> xs) => Quantile(xs, 0.5);

    static double Quantile(List<double> xs, double q)
    {
        var sorted = xs.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }
}
