using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>
/// Kernels that work row by row along one dimension: softmax and log-softmax (the dimension moved last, a copy, when it
/// is not already, so every row is a contiguous span), and max/min with their indices and logsumexp (x read in place as
/// [outer, n, inner]: a contiguous run per result when the dim is last, whole rows of inner elements at a time otherwise).
/// </summary>
internal static class AlongDim
{
    /// <summary>exp(x − max) / Σ exp(x − max) along <paramref name="dim"/>, stable for large inputs.</summary>
    public static NdArray Softmax(NdArray x, int dim) => Along(x, dim, log: false);

    /// <summary>x − max − ln Σ exp(x − max) along <paramref name="dim"/>, stable for large inputs.</summary>
    public static NdArray LogSoftmax(NdArray x, int dim) => Along(x, dim, log: true);

    static NdArray Along(NdArray x, int dim, bool log)
    {
        x = x.Cast(x.DType.ToFloating());
        if (x.Shape.Rank == 0) return NdArray.Full(x.Shape, log ? 0 : 1, x.DType);
        var last = x.Shape.Rank - 1;
        var rows = dim == last ? x : Layout.Transpose(x, dim, last);
        var n = rows.Shape[last];
        var r = rows.DType == DType.Float32
            ? NdArray.Own(rows.Shape, Normalize(rows.Span<float>(), n, log))
            : NdArray.Own(rows.Shape, Normalize(rows.Span<double>(), n, log));
        return dim == last ? r : Layout.Transpose(r, dim, last);
    }

    static T[] Normalize<T>(ReadOnlySpan<T> x, int n, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(x.Length);
        if (n == 0) return r;
        for (var o = 0; o < x.Length; o += n)
        {
            var row = x.Slice(o, n);
            var outRow = r.AsSpan(o, n);
            var max = TensorPrimitives.Max(row);
            if (T.IsInfinity(max)) max = T.Zero;   // all −∞ (or a +∞) row: shifting by it would make NaN
            TensorPrimitives.Subtract(row, max, outRow);
            TensorPrimitives.Exp(outRow, outRow);
            var sum = Summation.Sum<T>(outRow);
            if (log)
            {
                // (x − max) − ln Σ exp(x − max), overwriting the exponentials it summed. Subtracting max + ln Σ in one
                // step would round that sum to the ulp of max: ~6e-5 in Float32 for logits near 1000.
                TensorPrimitives.Subtract(row, max, outRow);
                TensorPrimitives.Subtract(outRow, T.Log(sum), outRow);
            }
            else TensorPrimitives.Divide(outRow, sum, outRow);
        }
        return r;
    }

    /// <summary>Index of the first maximum along <paramref name="dim"/> (NaN counts as the maximum, as in PyTorch), Int64.</summary>
    public static NdArray ArgMax(NdArray x, int dim, bool keepDim) =>
        x.DType == DType.Bool ? throw new ArgumentException("\"argmax_cpu\" not implemented for 'Bool'")
        : Extreme(x, dim, keepDim, max: true, "argmax").Indices;

    /// <summary>Index of the first minimum along <paramref name="dim"/> (NaN counts as the minimum, as in PyTorch), Int64.</summary>
    public static NdArray ArgMin(NdArray x, int dim, bool keepDim) =>
        x.DType == DType.Bool ? throw new ArgumentException("\"argmin_cpu\" not implemented for 'Bool'")
        : Extreme(x, dim, keepDim, max: false, "argmin").Indices;

    /// <summary>
    /// The first maximum (or minimum) along <paramref name="dim"/> (already normalized) and its index: the values in x's
    /// dtype, the indices as Int64 and as flat indices into x. A NaN wins over any number, the first NaN over later
    /// ones, as in PyTorch.
    /// </summary>
    public static (NdArray Values, NdArray Indices, int[] Flat) Extreme(NdArray x, int dim, bool keepDim, bool max, string op)
    {
        var shape = x.Shape.Reduce(dim, keepDim);
        if (x.DType == DType.Bool)
        {
            // Compared as 1 and 0; the values are Bool again, as PyTorch's.
            var (v, indices, at) = Extreme(Layout.Cast(x, DType.Int64), dim, keepDim, max, op);
            return (Layout.Cast(v, DType.Bool), indices, at);
        }
        var (_, n, inner) = Reductions.Split(x.Shape, dim);
        if (n == 0) throw new ArgumentException($"{op}(): Expected reduction dim {dim} to have non-zero size. (shape {x.Shape})");
        var (outer, _, _) = Reductions.Split(x.Shape, dim);
        var best = new long[shape.Numel];
        var flat = new int[best.Length];
        // Compared in x's own dtype (Int64 as Int64: as doubles, 2⁵³ and 2⁵³ + 1 would tie).
        var values = x.DType switch
        {
            DType.Float32 => NdArray.Own(shape, Extreme(x.Span<float>(), outer, n, inner, max, best)),
            DType.Float64 => NdArray.Own(shape, Extreme(x.Span<double>(), outer, n, inner, max, best)),
            _ => NdArray.Own(shape, Extreme(x.Span<long>(), outer, n, inner, max, best)),
        };
        for (var r = 0; r < best.Length; r++) flat[r] = (r / inner * n + (int)best[r]) * inner + r % inner;
        return (values, NdArray.Own(shape, best), flat);
    }

    // x is [outer, n, inner]. A contiguous run per result when inner is 1; otherwise the rows x[o, k, :] are read in
    // order, each element replacing the best so far when it beats it (or is the first NaN), so no copy is made.
    static T[] Extreme<T>(ReadOnlySpan<T> x, int outer, int n, int inner, bool max, long[] index) where T : unmanaged, INumber<T>
    {
        var r = Buffers.Uninitialized<T>(outer * inner);
        for (var o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                var row = x.Slice(o * n, n);
                var best = 0;
                for (var i = 1; i < n && !T.IsNaN(row[best]); i++)
                    if ((max ? row[i] > row[best] : row[i] < row[best]) || T.IsNaN(row[i])) best = i;
                index[o] = best;
                r[o] = row[best];
                continue;
            }
            var values = r.AsSpan(o * inner, inner);
            var at = index.AsSpan(o * inner, inner);
            x.Slice(o * n * inner, inner).CopyTo(values);
            at.Clear();
            for (var k = 1; k < n; k++)
            {
                var row = x.Slice((o * n + k) * inner, inner);
                for (var j = 0; j < inner; j++)
                {
                    var v = row[j];
                    if (!T.IsNaN(values[j]) && ((max ? v > values[j] : v < values[j]) || T.IsNaN(v)))
                    {
                        values[j] = v;
                        at[j] = k;
                    }
                }
            }
        }
        return r;
    }

    /// <summary>
    /// max + ln Σ exp(x − max) along <paramref name="dim"/> (already normalized), stable for large inputs; −∞ over no
    /// elements, and an infinite max is not subtracted (so ±∞ rows give ±∞, not NaN), as PyTorch's logsumexp.
    /// </summary>
    public static NdArray LogSumExp(NdArray x, int dim, bool keepDim)
    {
        x = x.Cast(x.DType.ToFloating());
        var shape = x.Shape.Reduce(dim, keepDim);
        var (outer, n, inner) = Reductions.Split(x.Shape, dim);
        if (inner > 1 && n > 0)
            return x.DType == DType.Float32
                ? NdArray.Own(shape, LogSumExpColumns(x.Span<float>(), outer, n, inner))
                : NdArray.Own(shape, LogSumExpColumns(x.Span<double>(), outer, n, inner));
        return x.DType == DType.Float32
            ? NdArray.Own(shape, LogSumExp(x.Span<float>(), n, shape.Numel))
            : NdArray.Own(shape, LogSumExp(x.Span<double>(), n, shape.Numel));
    }

    // x is [outer, n, inner] with inner > 1: the max of each column over the rows, then the rows' exp(x − max) summed
    // by Summation.SumRows, without moving the dim last.
    static T[] LogSumExpColumns<T>(ReadOnlySpan<T> x, int outer, int n, int inner) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(outer * inner);
        var terms = Buffers.Rent<T>(n * inner);
        for (var o = 0; o < outer; o++)
        {
            var slab = x.Slice(o * n * inner, n * inner);
            var max = r.AsSpan(o * inner, inner);
            slab[..inner].CopyTo(max);
            for (var k = 1; k < n; k++) TensorPrimitives.Max(max, slab.Slice(k * inner, inner), max);
            for (var j = 0; j < inner; j++) if (T.IsInfinity(max[j])) max[j] = T.Zero;
            for (var k = 0; k < n; k++) TensorPrimitives.Subtract(slab.Slice(k * inner, inner), max, terms.AsSpan(k * inner, inner));
            TensorPrimitives.Exp(terms, terms);
            var sums = Buffers.Rent<T>(inner);
            Summation.SumRows<T>(terms, sums);
            TensorPrimitives.Log(sums, sums);
            TensorPrimitives.Add(max, sums, max);
            Buffers.Return(sums);
        }
        Buffers.Return(terms);
        return r;
    }

    static T[] LogSumExp<T>(ReadOnlySpan<T> rows, int n, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(count);
        if (n == 0)
        {
            r.AsSpan().Fill(T.NegativeInfinity);
            return r;
        }
        var scratch = Buffers.Rent<T>(n);
        for (var o = 0; o < count; o++)
        {
            var row = rows.Slice(o * n, n);
            var max = TensorPrimitives.Max(row);
            if (T.IsInfinity(max)) max = T.Zero;
            TensorPrimitives.Subtract(row, max, scratch);
            TensorPrimitives.Exp(scratch, scratch);
            r[o] = max + T.Log(Summation.Sum<T>(scratch));
        }
        Buffers.Return(scratch);
        return r;
    }
}
