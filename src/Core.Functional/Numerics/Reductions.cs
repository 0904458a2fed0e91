using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>
/// Sum reductions: over everything, over one dimension, and back to a broadcast source shape. Floating sums go
/// through <see cref="Summation"/> (accurate at any length); Int64 sums are exact and wrap on overflow.
/// </summary>
internal static class Reductions
{
    /// <summary>Σ x over all elements, as a 0-dimensional array of the same dtype.</summary>
    public static NdArray SumAll(NdArray x) => x.DType switch
    {
        DType.Bool => SumAll(Layout.Cast(x, DType.Int64)),   // Bool sums count, in Int64
        DType.Float32 => NdArray.Own(Shape.Scalar, new[] { Summation.Sum(x.Span<float>()) }),
        DType.Float64 => NdArray.Own(Shape.Scalar, new[] { Summation.Sum(x.Span<double>()) }),
        _ => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Sum(x.Span<long>()) }),
    };

    /// <summary>The largest element (NaN if any is NaN), as a 0-dimensional array of the same dtype.</summary>
    public static NdArray MaxAll(NdArray x)
    {
        if (x.Numel == 0)
            throw new ArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        if (x.DType == DType.Bool) return Layout.Cast(MaxAll(Layout.Cast(x, DType.Int64)), DType.Bool);
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
        if (x.DType == DType.Bool) x = Layout.Cast(x, DType.Int64);   // Bool sums count, in Int64
        if (x.Shape.Rank == 0) return x;
        // Without elements the sum is zeros: the loops below would still walk the other sizes (2⁴⁰ steps for [2²⁰, 2²⁰, 0]).
        if (x.Numel == 0) return NdArray.Full(shape, 0, x.DType);
        int outer = 1, inner = 1, n = x.Shape[dim];
        for (var i = 0; i < dim; i++) outer *= x.Shape[i];
        for (var i = dim + 1; i < x.Shape.Rank; i++) inner *= x.Shape[i];
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(shape, SumDim(x.Span<float>(), outer, n, inner)),
            DType.Float64 => NdArray.Own(shape, SumDim(x.Span<double>(), outer, n, inner)),
            _ => NdArray.Own(shape, SumDim(x.Span<long>(), outer, n, inner)),
        };
    }

    // x is [outer, n, inner]; r[o, j] = Σₖ x[o, k, j]: a contiguous run when inner is 1, rows of inner added otherwise.
    static T[] SumDim<T>(ReadOnlySpan<T> x, int outer, int n, int inner) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new T[outer * inner];
        if (r.Length == 0) return r;
        for (var o = 0; o < outer; o++)
        {
            var slab = x.Slice(o * n * inner, n * inner);
            if (inner == 1) r[o] = Summation.Sum(slab);
            else Summation.SumRows(slab, r.AsSpan(o * inner, inner));
        }
        return r;
    }

    static long[] SumDim(ReadOnlySpan<long> x, int outer, int n, int inner)
    {
        var r = new long[outer * inner];
        for (var o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                r[o] = TensorPrimitives.Sum(x.Slice(o * n, n));
                continue;
            }
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
