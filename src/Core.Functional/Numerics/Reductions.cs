using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>Sum reductions: over everything, over one dimension, and back to a broadcast source shape.</summary>
internal static class Reductions
{
    /// <summary>Σ x over all elements, as a 0-dimensional array of the same dtype.</summary>
    public static NdArray SumAll(NdArray x) => x.DType switch
    {
        DType.Float32 => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Sum(x.Span<float>()) }),
        DType.Float64 => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Sum(x.Span<double>()) }),
        _ => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Sum(x.Span<long>()) }),
    };

    /// <summary>The largest element (NaN if any is NaN), as a 0-dimensional array of the same dtype.</summary>
    public static NdArray MaxAll(NdArray x)
    {
        if (x.Numel == 0)
            throw new ArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Max(x.Span<float>()) }),
            DType.Float64 => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Max(x.Span<double>()) }),
            _ => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Max(x.Span<long>()) }),
        };
    }

    /// <summary>Σ x over dimension <paramref name="dim"/> (already normalized), keeping it as size 1 when asked.</summary>
    public static NdArray SumDim(NdArray x, int dim, bool keepDim)
    {
        var shape = x.Shape.Reduce(dim, keepDim);
        if (x.Shape.Rank == 0) return x;
        // Without elements the sum is zeros: the loops below would still walk the other sizes (2⁴⁰ steps for [2²⁰, 2²⁰, 0]).
        if (x.Numel == 0) return NdArray.Full(shape, 0, x.DType);
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(shape, SumDim(x.Span<float>(), x.Shape, dim)),
            DType.Float64 => NdArray.Own(shape, SumDim(x.Span<double>(), x.Shape, dim)),
            _ => NdArray.Own(shape, SumDim(x.Span<long>(), x.Shape, dim)),
        };
    }

    static T[] SumDim<T>(ReadOnlySpan<T> x, Shape shape, int dim) where T : unmanaged, INumber<T>
    {
        int outer = 1, inner = 1, n = shape[dim];
        for (var i = 0; i < dim; i++) outer *= shape[i];
        for (var i = dim + 1; i < shape.Rank; i++) inner *= shape[i];
        var r = new T[outer * inner];
        if (inner == 1)
        {
            for (var o = 0; o < outer; o++) r[o] = TensorPrimitives.Sum(x.Slice(o * n, n));
            return r;
        }
        for (var o = 0; o < outer; o++)
        {
            var acc = r.AsSpan(o * inner, inner);
            for (var k = 0; k < n; k++) TensorPrimitives.Add(acc, x.Slice((o * n + k) * inner, inner), acc);
        }
        return r;
    }

    /// <summary>
    /// Sums <paramref name="x"/> down to <paramref name="target"/>, a shape that broadcasts to x's: the adjoint of
    /// broadcasting. Leading dims are summed away; dims where target has size 1 are summed with keepDim.
    /// </summary>
    public static NdArray SumTo(NdArray x, Shape target)
    {
        if (x.Shape.Equals(target)) return x;
        if (!target.BroadcastsTo(x.Shape))
            throw new ArgumentException($"sum_to: shape {x.Shape} cannot be summed to {target}");
        if (target.Numel == 1) return SumAll(x).WithShape(target);
        var lead = x.Shape.Rank - target.Rank;
        var r = x;
        for (var d = x.Shape.Rank - 1; d >= 0; d--)
            if (d < lead || (target[d - lead] == 1 && x.Shape[d] != 1))
                r = SumDim(r, d, keepDim: true);
        return r.WithShape(target);
    }
}
