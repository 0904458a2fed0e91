using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>
/// Kernels that work row by row along one dimension: softmax, log-softmax and argmax. The dimension is moved last
/// (a copy) when it is not already, so every row is a contiguous span.
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
    public static NdArray ArgMax(NdArray x, int dim, bool keepDim) => Extreme(x, dim, keepDim, max: true, "argmax").Indices;

    /// <summary>Index of the first minimum along <paramref name="dim"/> (NaN counts as the minimum, as in PyTorch), Int64.</summary>
    public static NdArray ArgMin(NdArray x, int dim, bool keepDim) => Extreme(x, dim, keepDim, max: false, "argmin").Indices;

    /// <summary>
    /// The first maximum (or minimum) along <paramref name="dim"/> (already normalized) and its index: the values in x's
    /// dtype, the indices as Int64 and as flat indices into x. A NaN wins over any number, the first NaN over later
    /// ones, as in PyTorch.
    /// </summary>
    public static (NdArray Values, NdArray Indices, int[] Flat) Extreme(NdArray x, int dim, bool keepDim, bool max, string op)
    {
        var shape = x.Shape.Reduce(dim, keepDim);
        var (_, n, inner) = Reductions.Split(x.Shape, dim);
        if (n == 0) throw new ArgumentException($"{op}(): Expected reduction dim {dim} to have non-zero size. (shape {x.Shape})");
        var rows = Rows(x, dim, out _);
        var best = new long[shape.Numel];
        var flat = new int[best.Length];
        var values = rows.DType switch
        {
            DType.Float32 => NdArray.Own(shape, Extreme(rows.Span<float>(), n, max, best)),
            DType.Float64 => NdArray.Own(shape, Extreme(rows.Span<double>(), n, max, best)),
            _ => NdArray.Own(shape, Extreme(rows.Span<long>(), n, max, best)),   // compared as Int64: as doubles, 2⁵³ and 2⁵³ + 1 would tie
        };
        for (var r = 0; r < best.Length; r++) flat[r] = (r / inner * n + (int)best[r]) * inner + r % inner;
        return (values, NdArray.Own(shape, best), flat);
    }

    static T[] Extreme<T>(ReadOnlySpan<T> rows, int n, bool max, long[] index) where T : unmanaged, INumber<T>
    {
        var r = Buffers.Uninitialized<T>(index.Length);
        for (var o = 0; o < r.Length; o++)
        {
            var row = rows.Slice(o * n, n);
            var best = 0;
            for (var i = 1; i < n && !T.IsNaN(row[best]); i++)
                if ((max ? row[i] > row[best] : row[i] < row[best]) || T.IsNaN(row[i])) best = i;
            index[o] = best;
            r[o] = row[best];
        }
        return r;
    }

    /// <summary>
    /// x as contiguous rows along <paramref name="dim"/> (already normalized): row (o, j) holds x[o, :, j] for x viewed as
    /// [outer, n, inner], so the rows come in the row-major order of the reduced shape. A copy only when inner &gt; 1.
    /// </summary>
    public static NdArray Rows(NdArray x, int dim, out int n)
    {
        var (outer, size, inner) = Reductions.Split(x.Shape, dim);
        n = size;
        return inner == 1 || x.Numel == 0 ? x : Layout.Transpose(x.WithShape(Shape.Of(outer, size, inner)), 1, 2);
    }

    /// <summary>
    /// max + ln Σ exp(x − max) along <paramref name="dim"/> (already normalized), stable for large inputs; −∞ over no
    /// elements, and an infinite max is not subtracted (so ±∞ rows give ±∞, not NaN), as PyTorch's logsumexp.
    /// </summary>
    public static NdArray LogSumExp(NdArray x, int dim, bool keepDim)
    {
        x = x.Cast(x.DType.ToFloating());
        var shape = x.Shape.Reduce(dim, keepDim);
        var rows = Rows(x, dim, out var n);
        return x.DType == DType.Float32
            ? NdArray.Own(shape, LogSumExp(rows.Span<float>(), n, shape.Numel))
            : NdArray.Own(shape, LogSumExp(rows.Span<double>(), n, shape.Numel));
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
