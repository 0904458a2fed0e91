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
    public static NdArray ArgMax(NdArray x, int dim, bool keepDim)
    {
        var shape = x.Shape.Reduce(dim, keepDim);
        if (x.Shape.Rank == 0) return NdArray.Full(shape, 0, DType.Int64);
        if (x.DType == DType.Bool) x = Layout.Cast(x, DType.Int64);
        var last = x.Shape.Rank - 1;
        var rows = dim == last ? x : Layout.Transpose(x, dim, last);
        var n = x.Shape[dim];
        if (n == 0) throw new ArgumentException($"argmax(): Expected reduction dim {dim} to have non-zero size (shape {x.Shape})");
        // Rows were enumerated with dim moved last, which is the row-major order of the reduced shape too.
        return NdArray.Own(shape, rows.DType switch
        {
            DType.Float32 => ArgMax(rows.Span<float>(), n),
            DType.Float64 => ArgMax(rows.Span<double>(), n),
            _ => ArgMax(rows.Span<long>(), n),   // compared as Int64: as doubles, 2⁵³ and 2⁵³ + 1 would tie
        });
    }

    static long[] ArgMax<T>(ReadOnlySpan<T> rows, int n) where T : unmanaged, INumber<T>
    {
        var r = Buffers.Uninitialized<long>(rows.Length / n);
        for (var o = 0; o < r.Length; o++)
        {
            var row = rows.Slice(o * n, n);
            var best = 0;
            for (var i = 1; i < n && !T.IsNaN(row[best]); i++)
                if (row[i] > row[best] || T.IsNaN(row[i])) best = i;
            r[o] = best;
        }
        return r;
    }
}
