namespace Nabla.Core.Numerics;

/// <summary>
/// Block copies along one dimension, for cat, narrow and narrow's adjoint: with dim d of a row-major shape, every index
/// before d (the outer one) owns one contiguous run of size[d]·inner elements, so each op is a copy of runs.
/// </summary>
internal static class Joining
{
    /// <summary>The number of elements before dimension <paramref name="dim"/> (outer) and after it (inner), row-major.</summary>
    internal static (int Outer, int Inner) Around(Shape shape, int dim)
    {
        int outer = 1, inner = 1;
        for (var k = 0; k < dim; k++) outer *= shape[k];
        for (var k = dim + 1; k < shape.Rank; k++) inner *= shape[k];
        return (outer, inner);
    }

    /// <summary>The arrays joined along <paramref name="dim"/> into <paramref name="shape"/>, each cast to <paramref name="dtype"/> first.</summary>
    public static NdArray Cat(IReadOnlyList<NdArray> xs, int dim, Shape shape, DType dtype) => dtype switch
    {
        DType.Float32 => NdArray.Own(shape, Cat<float>(xs, dim, shape, dtype)),
        DType.Float64 => NdArray.Own(shape, Cat<double>(xs, dim, shape, dtype)),
        DType.Int64 => NdArray.Own(shape, Cat<long>(xs, dim, shape, dtype)),
        _ => NdArray.Own(shape, Cat<bool>(xs, dim, shape, dtype)),
    };

    static T[] Cat<T>(IReadOnlyList<NdArray> xs, int dim, Shape shape, DType dtype) where T : unmanaged
    {
        var r = Buffers.Uninitialized<T>(shape.Numel);
        var (outer, inner) = Around(shape, dim);
        var row = shape[dim] * inner;
        var sources = xs.Select(x => Layout.Cast(x, dtype)).ToArray();
        // Large results are copied by the cores in bands of outer rows (each element is copied once either way).
        void Rows(int first, int count)
        {
            var offset = 0;
            foreach (var x in sources)
            {
                var run = x.Shape[dim] * inner;
                var source = x.Span<T>();
                for (var o = first; o < first + count; o++) source.Slice(o * run, run).CopyTo(r.AsSpan(o * row + offset, run));
                offset += run;
            }
        }
        if (outer > 1 && Chunks.Worth(r.Length)) ParallelRows(outer, Rows);
        else Rows(0, outer);
        return r;
    }

    // body(first, count) over [0, outer) in one band per core.
    static void ParallelRows(int outer, Action<int, int> body)
    {
        var cores = Math.Min(Chunks.Cores, outer);
        var band = (outer + cores - 1) / cores;
        Parallel.For(0, cores, c => { var first = c * band; if (first < outer) body(first, Math.Min(band, outer - first)); });
    }

    /// <summary>x[…, start : start + length, …] along <paramref name="dim"/> (a copy).</summary>
    public static NdArray Narrow(NdArray x, int dim, int start, int length, Shape shape) =>
        start == 0 && length == x.Shape[dim] ? x : x.DType switch   // the whole dim: values are immutable, so no copy
    {
        DType.Float32 => NdArray.Own(shape, Narrow<float>(x, dim, start, length, shape)),
        DType.Float64 => NdArray.Own(shape, Narrow<double>(x, dim, start, length, shape)),
        DType.Int64 => NdArray.Own(shape, Narrow<long>(x, dim, start, length, shape)),
        _ => NdArray.Own(shape, Narrow<bool>(x, dim, start, length, shape)),
    };

    static T[] Narrow<T>(NdArray x, int dim, int start, int length, Shape shape) where T : unmanaged
    {
        var r = Buffers.Uninitialized<T>(shape.Numel);
        var (outer, inner) = Around(x.Shape, dim);
        var (row, run) = (x.Shape[dim] * inner, length * inner);
        void Rows(int first, int count)
        {
            var source = x.Span<T>();
            for (var o = first; o < first + count; o++) source.Slice(o * row + start * inner, run).CopyTo(r.AsSpan(o * run, run));
        }
        if (outer > 1 && Chunks.Worth(r.Length)) ParallelRows(outer, Rows);
        else Rows(0, outer);
        return r;
    }

    /// <summary>Zeros of <paramref name="shape"/> with x placed at <paramref name="start"/> along <paramref name="dim"/>: narrow's adjoint.</summary>
    public static NdArray Pad(NdArray x, Shape shape, int dim, int start) =>
        x.Shape.Equals(shape) ? x : x.DType switch   // nothing to pad: x itself
    {
        DType.Float32 => NdArray.Own(shape, Pad<float>(x, shape, dim, start)),
        DType.Float64 => NdArray.Own(shape, Pad<double>(x, shape, dim, start)),
        DType.Int64 => NdArray.Own(shape, Pad<long>(x, shape, dim, start)),
        _ => NdArray.Own(shape, Pad<bool>(x, shape, dim, start)),
    };

    static T[] Pad<T>(NdArray x, Shape shape, int dim, int start) where T : unmanaged
    {
        // Each row is written once: zeros before the part, the part, zeros after (no zeroing of what is then copied).
        var r = Buffers.Uninitialized<T>(shape.Numel);
        var (outer, inner) = Around(shape, dim);
        var (row, run) = (shape[dim] * inner, x.Shape.Rank == shape.Rank ? x.Shape[dim] * inner : inner);
        var (before, after) = (start * inner, row - start * inner - run);
        void Rows(int first, int count)
        {
            var source = x.Span<T>();
            for (var o = first; o < first + count; o++)
            {
                var target = r.AsSpan(o * row, row);
                target[..before].Clear();
                source.Slice(o * run, run).CopyTo(target.Slice(before, run));
                target[(before + run)..].Clear();
            }
        }
        if (outer > 1 && Chunks.Worth(r.Length)) ParallelRows(outer, Rows);
        else Rows(0, outer);
        return r;
    }
}
