using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics;

/// <summary>
/// Accurate floating sums, the one summation kernel of every reduction (cascade summation, as PyTorch's). Elements
/// are summed with SIMD in blocks of <see cref="Block"/>, each lane of eight vector accumulators taking Block / (8·lanes)
/// of them (16 in Float32: .NET's Vector&lt;T&gt; is 256 bits on AVX2 and AVX-512 machines alike), and the blocks' sums
/// are combined pairwise in Float64. Rows added into an accumulator (a sum over a dim that is not last) are added in
/// Float64, 64 rows or more to a leaf, and the leaves combined pairwise the same way. So a Float32 sum errs by a few
/// tens of ulps of Σ|x| at most, at any length, instead of growing with it (one SIMD pass with a lane accumulator
/// per lane errs by up to ~n/lanes ulps: 0.6 % for 10M × 0.1f); a Float64 sum likewise. The order of the additions
/// depends on the vector width only, never on the thread count or on where the buffer lies.
/// </summary>
internal static class Summation
{
    /// <summary>Elements summed in one block before its sum joins the Float64 cascade.</summary>
    public const int Block = 1024;

    /// <summary>Writes terms [start, start + terms.Length) of a sum into <c>terms</c>, a block at a time.</summary>
    public interface ITerms<T>
    {
        /// <summary>Fills <paramref name="terms"/> with the terms from index <paramref name="start"/> on.</summary>
        void Write(int start, scoped Span<T> terms);
    }

    /// <summary>Σ x, accurate to a few ulps of Σ|x| at any length.</summary>
    public static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length <= Block) return BlockSum(x);
        var cascade = new Pairwise(stackalloc double[Pairwise.Levels(Leaves(x.Length, Block))], 1);
        for (var i = 0; i < x.Length; i += Block)
            cascade.Push(double.CreateTruncating(BlockSum(x.Slice(i, Math.Min(Block, x.Length - i)))));
        return T.CreateTruncating(cascade.Total()[0]);
    }

    /// <summary>Σ of the <paramref name="n"/> terms that <paramref name="terms"/> writes, a block at a time into a stack buffer.</summary>
    public static T Sum<T, TTerms>(int n, TTerms terms) where T : unmanaged, IFloatingPointIeee754<T>
                                                        where TTerms : ITerms<T>, allows ref struct
    {
        Span<T> block = stackalloc T[Math.Min(n, Block)];
        if (n <= Block)
        {
            terms.Write(0, block);
            return BlockSum<T>(block);
        }
        var cascade = new Pairwise(stackalloc double[Pairwise.Levels(Leaves(n, Block))], 1);
        for (var i = 0; i < n; i += Block)
        {
            var part = block[..Math.Min(Block, n - i)];
            terms.Write(i, part);
            cascade.Push(double.CreateTruncating(BlockSum<T>(part)));
        }
        return T.CreateTruncating(cascade.Total()[0]);
    }

    /// <summary>r[j] = Σₖ x[k·inner + j] over the x.Length / inner rows of x, r of length inner.</summary>
    public static void SumRows<T>(ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var inner = r.Length;
        if (inner == 0) return;
        var rows = x.Length / inner;
        // A leaf adds its rows one by one in Float64, so it errs by at most perLeaf·2⁻⁵³·Σ|x| (1e-13 for the largest
        // leaf, 1,024 rows of one element); 64 rows or more, so that combining the leaves (about one addition of inner
        // doubles per leaf) costs little beside adding the rows.
        var perLeaf = Math.Max(64, Block / inner);
        var cascade = new Pairwise(new double[Pairwise.Levels(Leaves(rows, perLeaf)) * inner], inner);
        for (var k = 0; k < rows; k += perLeaf)
        {
            var leaf = cascade.NewLeaf();
            for (var row = k; row < Math.Min(rows, k + perLeaf); row++) AddWidened(x.Slice(row * inner, inner), leaf);
            cascade.Push();
        }
        var total = cascade.Total();
        for (var j = 0; j < inner; j++) r[j] = T.CreateTruncating(total[j]);
    }

    /// <summary>
    /// The running sums of x along <paramref name="dim"/> (already normalized; from the last element back when
    /// <paramref name="reverse"/>): torch.cumsum. Floating sums run in Float64 (as PyTorch's CPU kernel accumulates
    /// Float32), a row of inner elements at a time when the dim is not last; Int64 sums are exact and wrap on overflow.
    /// </summary>
    public static NdArray RunningSums(NdArray x, int dim, bool reverse)
    {
        if (x.DType == DType.Bool) x = Layout.Cast(x, DType.Int64);   // Bool sums count, in Int64
        var (outer, n, inner) = Reductions.Split(x.Shape, dim);
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(x.Shape, RunningSums(x.Span<float>(), outer, n, inner, reverse)),
            DType.Float64 => NdArray.Own(x.Shape, RunningSums(x.Span<double>(), outer, n, inner, reverse)),
            _ => NdArray.Own(x.Shape, RunningSums(x.Span<long>(), outer, n, inner, reverse)),
        };
    }

    static T[] RunningSums<T>(ReadOnlySpan<T> x, int outer, int n, int inner, bool reverse) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(x.Length);
        if (inner == 1)
        {
            for (var o = 0; o < outer; o++)
            {
                var row = x.Slice(o * n, n);
                var sums = r.AsSpan(o * n, n);
                var s = 0.0;
                if (reverse) for (var k = n - 1; k >= 0; k--) sums[k] = T.CreateTruncating(s += double.CreateTruncating(row[k]));
                else for (var k = 0; k < n; k++) sums[k] = T.CreateTruncating(s += double.CreateTruncating(row[k]));
            }
            return r;
        }
        var acc = new double[inner];
        for (var o = 0; o < outer; o++)
        {
            acc.AsSpan().Clear();
            for (var step = 0; step < n; step++)
            {
                var at = (o * n + (reverse ? n - 1 - step : step)) * inner;
                AddWidened(x.Slice(at, inner), acc);
                TensorPrimitives.ConvertTruncating<double, T>(acc, r.AsSpan(at, inner));
            }
        }
        return r;
    }

    static long[] RunningSums(ReadOnlySpan<long> x, int outer, int n, int inner, bool reverse)
    {
        var r = Buffers.Uninitialized<long>(x.Length);
        var acc = new long[inner];
        for (var o = 0; o < outer; o++)
        {
            acc.AsSpan().Clear();
            for (var step = 0; step < n; step++)
            {
                var at = (o * n + (reverse ? n - 1 - step : step)) * inner;
                TensorPrimitives.Add(acc, x.Slice(at, inner), acc);
                acc.CopyTo(r.AsSpan(at, inner));
            }
        }
        return r;
    }

    static int Leaves(int n, int perLeaf) => Math.Max(1, (n + perLeaf - 1) / perLeaf);

    // Σ of at most a block: eight vector accumulators (enough to hide the adds' latency), then the scalar tail apart.
    static T BlockSum<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var w = Vector<T>.Count;
        int n = x.Length, i = 0;
        ref var p = ref MemoryMarshal.GetReference(x);
        var s = T.Zero;
        if (n >= w)
        {
            Vector<T> a0 = Vector<T>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (; i <= n - 8 * w; i += 8 * w)
            {
                a0 += Vector.LoadUnsafe(ref p, (nuint)i);
                a1 += Vector.LoadUnsafe(ref p, (nuint)(i + w));
                a2 += Vector.LoadUnsafe(ref p, (nuint)(i + 2 * w));
                a3 += Vector.LoadUnsafe(ref p, (nuint)(i + 3 * w));
                a4 += Vector.LoadUnsafe(ref p, (nuint)(i + 4 * w));
                a5 += Vector.LoadUnsafe(ref p, (nuint)(i + 5 * w));
                a6 += Vector.LoadUnsafe(ref p, (nuint)(i + 6 * w));
                a7 += Vector.LoadUnsafe(ref p, (nuint)(i + 7 * w));
            }
            for (var j = 0; i <= n - w; i += w, j++)
            {
                var v = Vector.LoadUnsafe(ref p, (nuint)i);
                switch (j)
                {
                    case 0: a0 += v; break;
                    case 1: a1 += v; break;
                    case 2: a2 += v; break;
                    case 3: a3 += v; break;
                    case 4: a4 += v; break;
                    case 5: a5 += v; break;
                    default: a6 += v; break;
                }
            }
            s = Vector.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
        }
        var tail = T.Zero;
        for (; i < n; i++) tail += x[i];
        return s + tail;
    }

    // acc += x, x widened to Float64.
    static void AddWidened<T>(ReadOnlySpan<T> x, Span<double> acc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            TensorPrimitives.Add(acc, MemoryMarshal.Cast<T, double>(x), acc);
            return;
        }
        var xs = MemoryMarshal.Cast<T, float>(x);
        var i = 0;
        ref var a = ref MemoryMarshal.GetReference(acc);
        for (; i <= xs.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(xs), (nuint)i), out var lo, out var hi);
            (Vector.LoadUnsafe(ref a, (nuint)i) + lo).StoreUnsafe(ref a, (nuint)i);
            (Vector.LoadUnsafe(ref a, (nuint)(i + Vector<double>.Count)) + hi).StoreUnsafe(ref a, (nuint)(i + Vector<double>.Count));
        }
        for (; i < xs.Length; i++) acc[i] += xs[i];
    }

    /// <summary>
    /// Partial sums (of <c>width</c> doubles each) combined pairwise: the k-th leaf joins a stack and is merged with
    /// the top once for each trailing zero bit of k, so the stack holds sums of 2ʲ leaves for the set bits j of the
    /// leaf count (a binary counter) and no leaf passes through more than log₂(leaves) + 1 additions.
    /// </summary>
    ref struct Pairwise(Span<double> storage, int width)
    {
        readonly Span<double> storage = storage;
        int depth;
        long count;

        /// <summary>Partial sums the stack can hold at once for <paramref name="leaves"/> leaves: one per bit of the count.</summary>
        public static int Levels(int leaves) => BitOperations.Log2((uint)leaves) + 1;

        /// <summary>A zeroed partial sum on top of the stack to build the next leaf in, added by <see cref="Push()"/>.</summary>
        public readonly Span<double> NewLeaf()
        {
            var leaf = Level(depth);
            leaf.Clear();
            return leaf;
        }

        /// <summary>Adds a one-double leaf (width 1).</summary>
        public void Push(double leaf)
        {
            storage[depth] = leaf;
            Push();
        }

        /// <summary>Adds the leaf built on top of the stack, merging equal-sized partial sums below it.</summary>
        public void Push()
        {
            depth++;
            for (var c = ++count; (c & 1) == 0; c >>= 1, depth--)
            {
                if (width == 1) storage[depth - 2] += storage[depth - 1];
                else TensorPrimitives.Add(Level(depth - 2), Level(depth - 1), Level(depth - 2));
            }
        }

        /// <summary>The sum of every leaf pushed, smallest partial sums first (zeros if none was).</summary>
        public readonly ReadOnlySpan<double> Total()
        {
            if (depth == 0) return NewLeaf();
            for (var d = depth - 1; d > 0; d--)
            {
                if (width == 1) storage[d - 1] += storage[d];
                else TensorPrimitives.Add(Level(d - 1), Level(d), Level(d - 1));
            }
            return Level(0);
        }

        readonly Span<double> Level(int d) => storage.Slice(d * width, width);
    }
}
