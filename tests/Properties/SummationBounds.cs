namespace Nabla.Properties;

using FsCheck.Xunit;

using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Nabla.Core.Numerics;

/// <summary>
/// The summation kernel behind every floating reduction (Numerics/Summation.cs) keeps its error bound at every
/// length, alignment and row layout. A block of <see cref="Summation.Block"/> elements is summed by eight vector
/// accumulators of w lanes (each lane adds Block / 8w elements in turn), a tree of the accumulators (3 additions),
/// a horizontal sum (log₂ w) and a scalar tail of fewer than w elements summed apart (w); the blocks' sums are
/// combined in Float64. So a sum errs by at most
/// <code>|s − Σx| ≤ (Block/8w + log₂w + w + 4)·u·Σ|x| + u·|Σx|</code>
/// with u = 2⁻²⁴ in Float32 and 2⁻⁵³ in Float64 (Higham, Accuracy and Stability of Numerical Algorithms, §4.2; the
/// last term is the final rounding to Float32, the Float64 cascade's own error is below 1e-15·Σ|x|). Rows added into
/// an accumulator are added in Float64, at most Block rows to a leaf and the leaves pairwise, so a column's sum errs by
/// at most (Block + 64)·2⁻⁵³·Σ|x| before its one rounding to the dtype (u·|Σx|). A kernel
/// whose lane accumulators grow with n (as System.Numerics.Tensors' Sum does) breaks the bound on the constant data
/// below from a few thousand elements on; a dropped or doubled element breaks it on short sums.
/// </summary>
public sealed class SummationBounds
{
    /// <summary>A sum to check: its dtype, length, offset in its buffer (alignment), kind of data and seed.</summary>
    public sealed record Case(bool Float32, int Length, int Offset, string Kind, int Seed);

    static readonly Gen<int> Lengths = Gen.Frequency(
        (4, Gen.Choose(0, 100)),
        (4, from k in Gen.Choose(1, 8) from d in Gen.Choose(-2, 2) select Math.Max(0, k * Summation.Block + d)),
        (2, Gen.Choose(0, 20 * Summation.Block)),
        (1, Gen.Choose(0, 300_000)));

    static readonly Gen<Case> Cases =
        from float32 in Gen.Elements(true, false)
        from length in Lengths
        from offset in Gen.Choose(0, 15)
        from kind in Gen.Elements("tenths", "uniform", "mixed sign", "wide range")
        from seed in Gen.Choose(0, 1 << 20)
        select new Case(float32, length, offset, kind, seed);

    static double[] Values(Case c)
    {
        var rng = new Random(c.Seed);
        var x = new double[c.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var v = c.Kind switch
            {
                "tenths" => 0.1,
                "uniform" => rng.NextDouble(),
                "mixed sign" => rng.NextDouble() * 2.25 - 1,
                _ => (rng.NextDouble() - 0.3) * Math.Pow(2, rng.Next(-20, 20)),
            };
            x[i] = c.Float32 ? (float)v : v;
        }
        return x;
    }

    // Neumaier's compensated sum: within 2⁻⁵² of the exact sum (plus n·2⁻¹⁰⁶·Σ|x|), exact enough to judge Float64.
    static double Reference(ReadOnlySpan<double> x)
    {
        double s = 0, c = 0;
        foreach (var v in x)
        {
            var t = s + v;
            c += Math.Abs(s) >= Math.Abs(v) ? s - t + v : v - t + s;
            s = t;
        }
        return s + c;
    }

    static double Bound<T>(double absSum, double exact) where T : unmanaged
    {
        var w = Vector<T>.Count;
        var u = typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);
        return (Summation.Block / (8.0 * w) + Math.Log2(w) + w + 4) * u * absSum + u * Math.Abs(exact) + 1e-15 * absSum;
    }

    // Rows: a leaf of at most Block rows in Float64, leaves combined pairwise, one rounding to T at the end.
    static double RowBound<T>(double absSum, double exact) where T : unmanaged =>
        (typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53)) * Math.Abs(exact) + (Summation.Block + 64) * Math.Pow(2, -53) * absSum;

    static void Within<T>(double actual, ReadOnlySpan<double> terms, string what, bool rows = false) where T : unmanaged
    {
        var exact = Reference(terms);
        var absSum = 0.0;
        foreach (var v in terms) absSum += Math.Abs(v);
        var bound = rows ? RowBound<T>(absSum, exact) : Bound<T>(absSum, exact);
        Assert.True(Math.Abs(actual - exact) <= bound,
                    $"{what}: {actual:R}, exactly {exact:R}; error {Math.Abs(actual - exact):E3} > bound {bound:E3}");
    }

    [Property(MaxTest = 300)]
    public Property Sums_of_any_length_and_alignment_stay_within_the_bound() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var x = Values(c);
            if (c.Float32)
            {
                var buffer = new float[c.Offset + x.Length];
                for (var i = 0; i < x.Length; i++) buffer[c.Offset + i] = (float)x[i];
                Within<float>(Summation.Sum<float>(buffer.AsSpan(c.Offset)), x, c.ToString());
            }
            else
            {
                var buffer = new double[c.Offset + x.Length];
                x.CopyTo(buffer, c.Offset);
                Within<double>(Summation.Sum<double>(buffer.AsSpan(c.Offset)), x, c.ToString());
            }
        });

    /// <summary>The same bound for terms written a block at a time (the losses' and the dot product's path).</summary>
    [Property]
    public Property Sums_of_written_terms_stay_within_the_bound() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var x = Values(c);
            var squares = x.Select(v => c.Float32 ? (float)v * (float)v : v * v).ToArray();
            if (c.Float32)
                Within<float>(Summation.Sum<float, Squares<float>>(x.Length, new(x.Select(v => (float)v).ToArray())), squares, c.ToString());
            else
                Within<double>(Summation.Sum<double, Squares<double>>(x.Length, new(x)), squares, c.ToString());
        });

    readonly struct Squares<T>(T[] x) : Summation.ITerms<T> where T : unmanaged, INumber<T>
    {
        public void Write(int start, scoped Span<T> terms)
        {
            for (var i = 0; i < terms.Length; i++) terms[i] = x[start + i] * x[start + i];
        }
    }

    /// <summary>Rows added into an accumulator: every column is the Float64 sum rounded once (Float32), or within the bound (Float64).</summary>
    [Property]
    public Property Row_sums_of_any_shape_stay_within_the_bound() =>
        Prop.ForAll((from float32 in Gen.Elements(true, false)
                                 from rows in Gen.Frequency((3, Gen.Choose(0, 200)), (1, Gen.Choose(0, 5000)))
                                 from inner in Gen.Frequency((3, Gen.Choose(1, 20)), (1, Gen.Choose(1, 3000)))
                                 from kind in Gen.Elements("tenths", "uniform", "mixed sign", "wide range")
                                 from seed in Gen.Choose(0, 1 << 20)
                                 where rows * inner <= 400_000
                                 select (c: new Case(float32, rows * inner, 0, kind, seed), rows, inner)).ToArbitrary(), t =>
        {
            var x = Values(t.c);
            var column = new double[t.rows];
            var sums = new double[t.inner];
            if (t.c.Float32)
            {
                var r = new float[t.inner];
                Summation.SumRows<float>(x.Select(v => (float)v).ToArray(), r);
                for (var j = 0; j < t.inner; j++) sums[j] = r[j];
            }
            else Summation.SumRows<double>(x, sums);
            for (var j = 0; j < t.inner; j++)
            {
                for (var k = 0; k < t.rows; k++) column[k] = x[k * t.inner + j];
                if (t.c.Float32) Within<float>(sums[j], column, $"{t} column {j}", rows: true);
                else Within<double>(sums[j], column, $"{t} column {j}", rows: true);
            }
        });
}
