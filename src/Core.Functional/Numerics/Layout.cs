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
            _ => Cast(x.Span<long>(), x.Shape, dtype),
        };
    }

    static NdArray Cast<TFrom>(ReadOnlySpan<TFrom> x, Shape shape, DType dtype) where TFrom : unmanaged, INumberBase<TFrom> =>
        dtype switch
        {
            DType.Float32 => NdArray.Own(shape, Convert<TFrom, float>(x)),
            DType.Float64 => NdArray.Own(shape, Convert<TFrom, double>(x)),
            _ => NdArray.Own(shape, Convert<TFrom, long>(x)),
        };

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

    /// <summary>out[i₀,…,iₖ] = x[Σ iⱼ·strides[j]]: the one strided walk behind expand and transpose.</summary>
    static NdArray Strided(NdArray x, int[] strides, Shape shape) => x.DType switch
    {
        DType.Float32 => NdArray.Own(shape, Strided(x.Span<float>(), strides, shape)),
        DType.Float64 => NdArray.Own(shape, Strided(x.Span<double>(), strides, shape)),
        _ => NdArray.Own(shape, Strided(x.Span<long>(), strides, shape)),
    };

    static T[] Strided<T>(ReadOnlySpan<T> src, int[] strides, Shape shape)
    {
        var r = Buffers.Uninitialized<T>(shape.Numel);
        if (r.Length == 0) return r;
        var rank = shape.Rank;
        if (rank == 0) { r[0] = src[0]; return r; }
        var inner = shape[rank - 1];
        var innerStride = strides[rank - 1];
        var index = new int[rank];
        var srcOff = 0;
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
