using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>Kernels that move or convert elements: dtype casts, broadcasting copies and transposes.</summary>
internal static class Layout
{
    /// <summary>The same values in <paramref name="dtype"/>; returns <paramref name="x"/> itself when it already is.</summary>
    public static NdArray Cast(NdArray x, DType dtype)
    {
        if (x.DType == dtype) return x;
        return x.DType switch
        {
            DType.Float32 => Cast(x.Span<float>(), x.Shape, dtype),
            DType.Float64 => Cast(x.Span<double>(), x.Shape, dtype),
            DType.Int64 => Cast(x.Span<long>(), x.Shape, dtype),
            _ => FromBool(x.Span<bool>(), x.Shape, dtype),
        };
    }

    static NdArray Cast<TFrom>(ReadOnlySpan<TFrom> x, Shape shape, DType dtype) where TFrom : unmanaged, INumberBase<TFrom> =>
        dtype switch
        {
            DType.Float32 => NdArray.Own(shape, Convert<TFrom, float>(x)),
            DType.Float64 => NdArray.Own(shape, Convert<TFrom, double>(x)),
            DType.Int64 => NdArray.Own(shape, Convert<TFrom, long>(x)),
            _ => NdArray.Own(shape, NonZero(x)),
        };

    // To Bool as PyTorch's .bool(): nonzero (NaN included) is true.
    static bool[] NonZero<T>(ReadOnlySpan<T> x) where T : unmanaged, INumberBase<T>
    {
        var r = new bool[x.Length];
        for (var i = 0; i < r.Length; i++) r[i] = x[i] != T.Zero;
        return r;
    }

    // From Bool: true is 1, false 0.
    static NdArray FromBool(ReadOnlySpan<bool> x, Shape shape, DType dtype)
    {
        var ones = new long[x.Length];
        for (var i = 0; i < ones.Length; i++) ones[i] = x[i] ? 1 : 0;
        return Cast(NdArray.Own(shape, ones), dtype);
    }

    // Truncating, as PyTorch's .to(torch.int64): 2.7 becomes 2, -2.7 becomes -2.
    static TTo[] Convert<TFrom, TTo>(ReadOnlySpan<TFrom> x)
        where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
    {
        var r = Buffers.Uninitialized<TTo>(x.Length);
        TensorPrimitives.ConvertTruncating(x, r);
        return r;
    }

    /// <summary>Broadcasts <paramref name="x"/> to <paramref name="shape"/> (a copy); <paramref name="x"/> itself when shapes match.</summary>
    public static NdArray Expand(NdArray x, Shape shape)
    {
        if (x.Shape.Equals(shape)) return x;
        if (!x.Shape.BroadcastsTo(shape))
            throw new ArgumentException($"expand: the shape {x.Shape} cannot be expanded to {shape}");
        var strides = new int[shape.Rank];
        var own = x.Shape.Strides();
        var off = shape.Rank - x.Shape.Rank;
        for (var i = 0; i < x.Shape.Rank; i++)
            strides[i + off] = x.Shape[i] == 1 ? 0 : own[i];
        return Strided(x, strides, shape);
    }

    /// <summary>x[index] along dimension 0 (a copy of one contiguous block).</summary>
    public static NdArray Slice(NdArray x, int index)
    {
        var shape = x.Shape.Reduce(0, keepDim: false);
        var n = shape.Numel;
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(shape, x.Span<float>().Slice(index * n, n).ToArray()),
            DType.Float64 => NdArray.Own(shape, x.Span<double>().Slice(index * n, n).ToArray()),
            DType.Bool => NdArray.Own(shape, x.Span<bool>().Slice(index * n, n).ToArray()),
            _ => NdArray.Own(shape, x.Span<long>().Slice(index * n, n).ToArray()),
        };
    }

    /// <summary>Zeros of <paramref name="shape"/> with <paramref name="x"/> copied in at <paramref name="index"/> of dimension 0.</summary>
    public static NdArray Embed(NdArray x, Shape shape, int index)
    {
        var n = x.Numel;
        switch (x.DType)
        {
            case DType.Float32: { var r = new float[shape.Numel]; x.Span<float>().CopyTo(r.AsSpan(index * n, n)); return NdArray.Own(shape, r); }
            case DType.Float64: { var r = new double[shape.Numel]; x.Span<double>().CopyTo(r.AsSpan(index * n, n)); return NdArray.Own(shape, r); }
            case DType.Bool: { var r = new bool[shape.Numel]; x.Span<bool>().CopyTo(r.AsSpan(index * n, n)); return NdArray.Own(shape, r); }
            default: { var r = new long[shape.Numel]; x.Span<long>().CopyTo(r.AsSpan(index * n, n)); return NdArray.Own(shape, r); }
        }
    }

    /// <summary>Swaps dimensions <paramref name="d0"/> and <paramref name="d1"/> (a copy).</summary>
    public static NdArray Transpose(NdArray x, int d0, int d1)
    {
        if (d0 == d1) return x;
        var dims = x.Shape.ToArray();
        (dims[d0], dims[d1]) = (dims[d1], dims[d0]);
        var strides = x.Shape.Strides();
        (strides[d0], strides[d1]) = (strides[d1], strides[d0]);
        return Strided(x, strides, Shape.Of(dims));
    }

    /// <summary>Dimensions reordered: y's dimension i is x's dimension dims[i] (a copy); dims a permutation of 0..rank−1.</summary>
    public static NdArray Permute(NdArray x, int[] dims)
    {
        var own = x.Shape.Strides();
        var sizes = new int[dims.Length];
        var strides = new int[dims.Length];
        for (var i = 0; i < dims.Length; i++) (sizes[i], strides[i]) = (x.Shape[dims[i]], own[dims[i]]);
        return Strided(x, strides, Shape.Of(sizes));
    }

    /// <summary>x with the order of the elements reversed along each of <paramref name="dims"/> (distinct, 0..rank−1; a copy).</summary>
    public static NdArray Flip(NdArray x, int[] dims)
    {
        var strides = x.Shape.Strides();
        var offset = 0;
        foreach (var d in dims)
        {
            if (x.Shape[d] == 0) continue;
            offset += (x.Shape[d] - 1) * strides[d];
            strides[d] = -strides[d];
        }
        return Strided(x, strides, x.Shape, offset);
    }

    /// <summary>
    /// x tiled repeats[i] times along dimension i (x's dimensions aligned with the last ones of repeats, missing
    /// leading ones of size 1): y[…, rᵢ·sᵢ + jᵢ, …] = x[…, jᵢ, …], walked as x broadcast to [r₀, s₀, r₁, s₁, …].
    /// </summary>
    public static NdArray Repeat(NdArray x, int[] repeats)
    {
        var rank = repeats.Length;
        var off = rank - x.Shape.Rank;
        var own = x.Shape.Strides();
        var tiled = new int[2 * rank];
        var strides = new int[2 * rank];
        var sizes = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var size = i < off ? 1 : x.Shape[i - off];
            (tiled[2 * i], tiled[2 * i + 1]) = (repeats[i], size);
            strides[2 * i + 1] = i < off ? 0 : own[i - off];
            sizes[i] = repeats[i] * size;
        }
        return Strided(x, strides, Shape.Of(tiled)).WithShape(Shape.Of(sizes));
    }

    /// <summary>
    /// The diagonal at <paramref name="offset"/> of the plane of dimensions <paramref name="d1"/> and <paramref name="d2"/>
    /// (distinct, 0..rank−1): those dimensions removed and one of the diagonal's length appended (a copy).
    /// </summary>
    public static NdArray Diagonal(NdArray x, int offset, int d1, int d2)
    {
        var (shape, strides, start) = DiagonalWalk(x.Shape, offset, d1, d2);
        return Strided(x, strides, shape, start);
    }

    /// <summary>Zeros of <paramref name="shape"/> with <paramref name="src"/> written along the diagonal <see cref="Diagonal"/> reads.</summary>
    public static NdArray DiagonalScatter(NdArray src, Shape shape, int offset, int d1, int d2)
    {
        var (_, strides, start) = DiagonalWalk(shape, offset, d1, d2);
        return src.DType switch
        {
            DType.Float32 => NdArray.Own(shape, Scatter(src.Span<float>(), strides, src.Shape, start, shape.Numel)),
            DType.Float64 => NdArray.Own(shape, Scatter(src.Span<double>(), strides, src.Shape, start, shape.Numel)),
            DType.Int64 => NdArray.Own(shape, Scatter(src.Span<long>(), strides, src.Shape, start, shape.Numel)),
            _ => NdArray.Own(shape, Scatter(src.Span<bool>(), strides, src.Shape, start, shape.Numel)),
        };
    }

    /// <summary>The diagonal's shape, its strides into a row-major tensor of <paramref name="shape"/>, and its first element.</summary>
    public static (Shape Shape, int[] Strides, int Start) DiagonalWalk(Shape shape, int offset, int d1, int d2)
    {
        var own = shape.Strides();
        var length = (int)Math.Max(0L, offset >= 0 ? Math.Min(shape[d1], (long)shape[d2] - offset) : Math.Min((long)shape[d1] + offset, shape[d2]));
        var sizes = new List<int>();
        var strides = new List<int>();
        for (var i = 0; i < shape.Rank; i++)
            if (i != d1 && i != d2) { sizes.Add(shape[i]); strides.Add(own[i]); }
        sizes.Add(length);
        strides.Add(own[d1] + own[d2]);
        var start = length == 0 ? 0 : offset >= 0 ? offset * own[d2] : -offset * own[d1];
        return (Shape.Of([.. sizes]), [.. strides], start);
    }

    /// <summary>
    /// The lower (<paramref name="lower"/>) or upper triangle of each matrix in the last two dimensions: elements with
    /// column − row ≤ k (lower) or ≥ k (upper) kept, the others zero.
    /// </summary>
    public static NdArray Triangle(NdArray x, int k, bool lower) => x.DType switch
    {
        DType.Float32 => NdArray.Own(x.Shape, Triangle(x.Span<float>(), x.Shape, k, lower)),
        DType.Float64 => NdArray.Own(x.Shape, Triangle(x.Span<double>(), x.Shape, k, lower)),
        DType.Int64 => NdArray.Own(x.Shape, Triangle(x.Span<long>(), x.Shape, k, lower)),
        _ => NdArray.Own(x.Shape, Triangle(x.Span<bool>(), x.Shape, k, lower)),
    };

    static T[] Triangle<T>(ReadOnlySpan<T> x, Shape shape, int k, bool lower)
    {
        var r = new T[x.Length];
        if (r.Length == 0) return r;
        int rows = shape[shape.Rank - 2], cols = shape[shape.Rank - 1];
        for (var o = 0; o < r.Length; o += rows * cols)
            for (var i = 0; i < rows; i++)
            {
                // Kept columns: [0, i + k] for the lower triangle, [i + k, cols) for the upper, clipped to the row.
                var from = lower ? 0 : (int)Math.Clamp((long)i + k, 0, cols);
                var to = lower ? (int)Math.Clamp((long)i + k + 1, 0, cols) : cols;
                var row = o + i * cols;
                x.Slice(row + from, to - from).CopyTo(r.AsSpan(row + from, to - from));
            }
        return r;
    }

    // Zeros of `length` with src (of `shape`) written at start + Σ iⱼ·strides[j]: the inverse of the strided walk, for
    // walks that never visit an element twice.
    static T[] Scatter<T>(ReadOnlySpan<T> src, int[] strides, Shape shape, int start, int length)
    {
        var r = new T[length];
        if (src.Length == 0) return r;
        var rank = shape.Rank;
        var index = new int[rank];
        var off = start;
        for (var o = 0; o < src.Length; o++)
        {
            r[off] = src[o];
            for (var d = rank - 1; d >= 0; d--)
            {
                off += strides[d];
                if (++index[d] < shape[d]) break;
                off -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
        return r;
    }

    /// <summary>
    /// out[i₀,…,iₖ] = x[start + Σ iⱼ·strides[j]]: the one strided walk behind expand, transpose, permute, flip, repeat
    /// and diagonal (strides may be zero or negative).
    /// </summary>
    static NdArray Strided(NdArray x, int[] strides, Shape shape, int start = 0) => x.DType switch
    {
        DType.Float32 => NdArray.Own(shape, Strided(x.Span<float>(), strides, shape, start)),
        DType.Float64 => NdArray.Own(shape, Strided(x.Span<double>(), strides, shape, start)),
        DType.Int64 => NdArray.Own(shape, Strided(x.Span<long>(), strides, shape, start)),
        _ => NdArray.Own(shape, Strided(x.Span<bool>(), strides, shape, start)),
    };

    static T[] Strided<T>(ReadOnlySpan<T> src, int[] strides, Shape shape, int start)
    {
        var r = Buffers.Uninitialized<T>(shape.Numel);
        if (r.Length == 0) return r;
        var rank = shape.Rank;
        if (rank == 0) { r[0] = src[start]; return r; }
        var inner = shape[rank - 1];
        var innerStride = strides[rank - 1];
        var index = new int[rank];
        var srcOff = start;
        for (var o = 0; o < r.Length; o += inner)
        {
            var row = r.AsSpan(o, inner);
            if (innerStride == 1) src.Slice(srcOff, inner).CopyTo(row);
            else if (innerStride == 0) row.Fill(src[srcOff]);
            else for (var i = 0; i < inner; i++) row[i] = src[srcOff + i * innerStride];
            for (var d = rank - 2; d >= 0; d--)
            {
                srcOff += strides[d];
                if (++index[d] < shape[d]) break;
                srcOff -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
        return r;
    }

    /// <summary>Zeros of <paramref name="shape"/> with g[i] added at flat index indices[i], for every i.</summary>
    public static NdArray ScatterAdd(NdArray g, ReadOnlySpan<int> indices, Shape shape) =>
        g.DType == DType.Float32
            ? NdArray.Own(shape, ScatterAdd(g.Span<float>(), indices, shape.Numel))
            : NdArray.Own(shape, ScatterAdd(g.Span<double>(), indices, shape.Numel));

    static T[] ScatterAdd<T>(ReadOnlySpan<T> g, ReadOnlySpan<int> indices, int length) where T : unmanaged, INumberBase<T>
    {
        var r = new T[length];
        for (var i = 0; i < indices.Length; i++) r[indices[i]] += g[i];
        return r;
    }

    /// <summary>y[i] = x at flat index indices[i], shaped as <paramref name="shape"/>.</summary>
    public static NdArray Take(NdArray x, ReadOnlySpan<int> indices, Shape shape) =>
        x.DType == DType.Float32
            ? NdArray.Own(shape, Take(x.Span<float>(), indices))
            : NdArray.Own(shape, Take(x.Span<double>(), indices));

    static T[] Take<T>(ReadOnlySpan<T> x, ReadOnlySpan<int> indices) where T : unmanaged
    {
        var r = Buffers.Uninitialized<T>(indices.Length);
        for (var i = 0; i < r.Length; i++) r[i] = x[indices[i]];
        return r;
    }
}
