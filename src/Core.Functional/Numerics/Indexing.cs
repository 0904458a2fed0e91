namespace Nabla.Core.Numerics;

/// <summary>
/// Indexing along one dim by a list of positions (index_select, advanced indexing) and its adjoint, and gather and
/// scatter-add by an index array of the tensor's rank. Index values are checked before any is read.
/// </summary>
internal static class Indexing
{
    /// <summary>y[…, k, …] = x[…, indices[k], …] along <paramref name="dim"/>, shaped <paramref name="shape"/>.</summary>
    public static NdArray Select(NdArray x, int dim, ReadOnlySpan<int> indices, Shape shape) => x.DType switch
    {
        DType.Float32 => NdArray.Own(shape, Select<float>(x, dim, indices, shape)),
        DType.Float64 => NdArray.Own(shape, Select<double>(x, dim, indices, shape)),
        DType.Int64 => NdArray.Own(shape, Select<long>(x, dim, indices, shape)),
        _ => NdArray.Own(shape, Select<bool>(x, dim, indices, shape)),
    };

    static T[] Select<T>(NdArray x, int dim, ReadOnlySpan<int> indices, Shape shape) where T : unmanaged
    {
        var r = Buffers.Uninitialized<T>(shape.Numel);
        var (outer, inner) = Joining.Around(x.Shape, dim);
        var (size, n) = (x.Shape[dim], indices.Length);
        var source = x.Span<T>();
        for (var o = 0; o < outer; o++)
        for (var k = 0; k < n; k++)
            source.Slice((o * size + indices[k]) * inner, inner).CopyTo(r.AsSpan((o * n + k) * inner, inner));
        return r;
    }

    /// <summary>Zeros of <paramref name="shape"/> with g's runs added at <paramref name="indices"/> along <paramref name="dim"/>: Select's adjoint.</summary>
    public static NdArray Add(NdArray g, int dim, ReadOnlySpan<int> indices, Shape shape) => g.DType switch
    {
        DType.Float32 => NdArray.Own(shape, Add<float>(g, dim, indices, shape)),
        _ => NdArray.Own(shape, Add<double>(Layout.Cast(g, DType.Float64), dim, indices, shape)),
    };

    static T[] Add<T>(NdArray g, int dim, ReadOnlySpan<int> indices, Shape shape) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var r = new T[shape.Numel];
        var (outer, inner) = Joining.Around(shape, dim);
        var (size, n) = (shape[dim], indices.Length);
        var source = g.Span<T>();
        for (var o = 0; o < outer; o++)
        for (var k = 0; k < n; k++)
        {
            var from = source.Slice((o * n + k) * inner, inner);
            var to = r.AsSpan((o * size + indices[k]) * inner, inner);
            for (var e = 0; e < inner; e++) to[e] += from[e];
        }
        return r;
    }

    /// <summary>
    /// y[p] = x[p with p[dim] = index[p]] for every position p of the index (torch.gather); the index has x's rank and
    /// is no larger than x in the other dims.
    /// </summary>
    public static NdArray Gather(NdArray x, int dim, NdArray index) => x.DType switch
    {
        DType.Float32 => NdArray.Own(index.Shape, Gather<float>(x, dim, index)),
        DType.Float64 => NdArray.Own(index.Shape, Gather<double>(x, dim, index)),
        DType.Int64 => NdArray.Own(index.Shape, Gather<long>(x, dim, index)),
        _ => NdArray.Own(index.Shape, Gather<bool>(x, dim, index)),
    };

    static T[] Gather<T>(NdArray x, int dim, NdArray index) where T : unmanaged
    {
        var r = Buffers.Uninitialized<T>(index.Numel);
        var source = x.Span<T>();
        var k = 0;
        foreach (var offset in Offsets(x.Shape, dim, index)) r[k++] = source[offset];
        return r;
    }

    /// <summary>self with src[p] added at p with p[dim] = index[p], for every position p of the index (torch.scatter_add).</summary>
    public static NdArray ScatterAdd(NdArray self, int dim, NdArray index, NdArray src) => self.DType switch
    {
        DType.Float32 => NdArray.Own(self.Shape, ScatterAdd<float>(self, dim, index, Layout.Cast(src, DType.Float32))),
        DType.Float64 => NdArray.Own(self.Shape, ScatterAdd<double>(self, dim, index, Layout.Cast(src, DType.Float64))),
        DType.Int64 => NdArray.Own(self.Shape, ScatterAdd<long>(self, dim, index, Layout.Cast(src, DType.Int64))),
        _ => throw new ArgumentException("scatter_add: a Bool tensor is not supported"),
    };

    static T[] ScatterAdd<T>(NdArray self, int dim, NdArray index, NdArray src) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var r = self.Span<T>().ToArray();
        var from = src.Span<T>();
        var srcStrides = src.Shape.Strides();
        var idxStrides = index.Shape.Strides();
        var k = 0;
        foreach (var offset in Offsets(self.Shape, dim, index))
        {
            // The index's position k read in src's layout (src may be larger than the index).
            int at = 0, rest = k++;
            for (var d = 0; d < index.Shape.Rank; d++) { at += rest / idxStrides[d] * srcStrides[d]; rest %= idxStrides[d]; }
            r[offset] += from[at];
        }
        return r;
    }

    // For each position p of the index in row-major order, the flat offset into an array of shape target of p with
    // p[dim] replaced by index[p].
    static int[] Offsets(Shape target, int dim, NdArray index)
    {
        var values = index.Span<long>();
        var offsets = new int[values.Length];
        var strides = target.Strides();
        var rank = index.Shape.Rank;
        var coords = new int[rank];
        for (var k = 0; k < values.Length; k++)
        {
            var offset = (int)values[k] * strides[dim];
            for (var d = 0; d < rank; d++) if (d != dim) offset += coords[d] * strides[d];
            offsets[k] = offset;
            for (var d = rank - 1; d >= 0 && ++coords[d] == index.Shape[d]; d--) coords[d] = 0;
        }
        return offsets;
    }
}
