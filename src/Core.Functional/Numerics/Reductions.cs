using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>
/// Sum reductions: over everything, over one dimension, and back to a broadcast source shape. Floating sums go
/// through <see cref="Summation"/> (accurate at any length); Int64 sums are exact and wrap on overflow.
/// </summary>
internal static partial class Reductions
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

/// <summary>
/// The vocabulary's reductions (issue 13): min over everything, the gradient shares of a max or min, products, sums
/// over several dims, norms and moments. Every floating sum goes through <see cref="Summation"/>.
/// </summary>
internal static partial class Reductions
{
    /// <summary>The smallest element (NaN if any is NaN), as a 0-dimensional array of the same dtype.</summary>
    public static NdArray MinAll(NdArray x)
    {
        if (x.Numel == 0)
            throw new ArgumentException("min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        if (x.DType == DType.Bool) return Layout.Cast(MinAll(Layout.Cast(x, DType.Int64)), DType.Bool);
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Min(x.Span<float>()) }),
            DType.Float64 => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Min(x.Span<double>()) }),
            _ => NdArray.Own(Shape.Scalar, new[] { TensorPrimitives.Min(x.Span<long>()) }),
        };
    }

    /// <summary>
    /// 1/k at each of the k elements of x equal to <paramref name="extreme"/> (a 0-dimensional max or min; NaN matches
    /// NaN, as PyTorch's evenly_distribute_backward), 0 elsewhere, in <paramref name="dtype"/>.
    /// </summary>
    public static NdArray EvenShares(NdArray x, NdArray extreme, DType dtype)
    {
        var xs = x.ToDoubles();
        var e = extreme[0];
        var count = 0;
        foreach (var v in xs) if (v == e || double.IsNaN(e) && double.IsNaN(v)) count++;
        var shares = new double[xs.Length];
        for (var i = 0; i < xs.Length; i++) shares[i] = xs[i] == e || double.IsNaN(e) && double.IsNaN(xs[i]) ? 1.0 / count : 0.0;
        return NdArray.From(shares, x.Shape, dtype);
    }

    /// <summary>∏ x over all elements (1 for none), as a 0-dimensional array of the same dtype; Int64 wraps on overflow.</summary>
    public static NdArray ProdAll(NdArray x) => x.DType switch
    {
        DType.Bool => ProdAll(Layout.Cast(x, DType.Int64)),   // Bool products are Int64, as PyTorch's
        DType.Float32 => NdArray.One(Shape.Scalar, x.Numel == 0 ? 1f : TensorPrimitives.Product(x.Span<float>())),
        DType.Float64 => NdArray.One(Shape.Scalar, x.Numel == 0 ? 1d : TensorPrimitives.Product(x.Span<double>())),
        _ => NdArray.One(Shape.Scalar, x.Numel == 0 ? 1L : TensorPrimitives.Product(x.Span<long>())),
    };

    /// <summary>∏ x over dimension <paramref name="dim"/> (already normalized), keeping it as size 1 when asked.</summary>
    public static NdArray ProdDim(NdArray x, int dim, bool keepDim)
    {
        var shape = x.Shape.Reduce(dim, keepDim);
        if (x.DType == DType.Bool) x = Layout.Cast(x, DType.Int64);   // Bool products are Int64, as PyTorch's
        if (x.Shape.Rank == 0) return x;
        var (outer, n, inner) = Split(x.Shape, dim);
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(shape, ProdDim(x.Span<float>(), outer, n, inner)),
            DType.Float64 => NdArray.Own(shape, ProdDim(x.Span<double>(), outer, n, inner)),
            _ => NdArray.Own(shape, ProdDim(x.Span<long>(), outer, n, inner)),
        };
    }

    // x is [outer, n, inner]; r[o, j] = ∏ₖ x[o, k, j]: a contiguous run when inner is 1, rows multiplied in otherwise.
    static T[] ProdDim<T>(ReadOnlySpan<T> x, int outer, int n, int inner) where T : unmanaged, INumber<T>
    {
        var r = new T[outer * inner];
        r.AsSpan().Fill(T.One);
        if (n == 0) return r;
        for (var o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                r[o] = TensorPrimitives.Product(x.Slice(o * n, n));
                continue;
            }
            var acc = r.AsSpan(o * inner, inner);
            for (var k = 0; k < n; k++) TensorPrimitives.Multiply(acc, x.Slice((o * n + k) * inner, inner), acc);
        }
        return r;
    }

    /// <summary>
    /// Σ x over <paramref name="dims"/> (normalized, distinct, ascending; all of them when empty, as PyTorch), to
    /// <paramref name="shape"/>, the reduced shape.
    /// </summary>
    public static NdArray SumDims(NdArray x, int[] dims, Shape shape)
    {
        if (dims.Length == 0 || dims.Length >= x.Shape.Rank) return Reductions.SumAll(x).WithShape(shape);
        var r = x;
        for (var i = dims.Length - 1; i >= 0; i--) r = Reductions.SumDim(r, dims[i], keepDim: true);
        return r.WithShape(shape);
    }

    /// <summary>
    /// The p-norm (Σ|x|ᵖ)^(1/p) over all elements (<paramref name="dim"/> null) or over one normalized dim: p = 2, 1, 0
    /// (the count of non-zeros), ±∞ (max or min of |x|) and any other p; floating x.
    /// </summary>
    public static NdArray Norm(NdArray x, double p, int? dim, bool keepDim)
    {
        var shape = dim is { } d ? x.Shape.Reduce(d, keepDim) : keepDim ? Ones(x.Shape.Rank) : Shape.Scalar;
        if (double.IsInfinity(p))
        {
            var a = Elementwise.Unary(UnaryKernel.Abs, x);
            if (x.Numel == 0 || dim is { } e && x.Shape.Rank > 0 && x.Shape[e] == 0) return NdArray.Full(shape, 0, x.DType);   // PyTorch: 0 for either sign
            return dim is { } k ? AlongDim.Extreme(a, k, keepDim, max: p > 0, "norm").Values
                : (p > 0 ? Reductions.MaxAll(a) : MinAll(a)).WithShape(shape);
        }
        var (outer, n, inner) = dim is { } j ? Split(x.Shape, j) : (1, x.Numel, 1);
        var s = x.DType == DType.Float32 ? NdArray.Own(shape, SumsOfPowers(x.Span<float>(), outer, n, inner, p))
                : NdArray.Own(shape, SumsOfPowers(x.Span<double>(), outer, n, inner, p));
        return p switch
        {
            2 => Elementwise.Unary(UnaryKernel.Sqrt, s),
            1 or 0 => s,
            _ => Elementwise.PowScalar(s, 1 / p),
        };
    }

    // x is [outer, n, inner]; Σₖ |x[o, k, j]|ᵖ: a block of terms at a time for a contiguous run (inner 1), else a
    // slab of them at a time in a scratch buffer, its rows added by Summation.SumRows.
    static T[] SumsOfPowers<T>(ReadOnlySpan<T> x, int outer, int n, int inner, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new T[outer * inner];
        if (inner == 1)
        {
            for (var o = 0; o < outer; o++) r[o] = Summation.Sum<T, Powers<T>>(n, new Powers<T>(x.Slice(o * n, n), p));
            return r;
        }
        var terms = Buffers.Rent<T>(n * inner);
        for (var o = 0; o < outer; o++)
        {
            TensorPrimitives.Abs(x.Slice(o * n * inner, n * inner), terms);
            PowersInPlace<T>(terms, p);
            Summation.SumRows<T>(terms, r.AsSpan(o * inner, inner));
        }
        Buffers.Return(terms);
        return r;
    }

    // The terms |x|ᵖ of a p-norm's sum, a block at a time.
    readonly ref struct Powers<T>(ReadOnlySpan<T> row, double p) : Summation.ITerms<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ReadOnlySpan<T> row = row;

        public void Write(int start, scoped Span<T> terms)
        {
            TensorPrimitives.Abs(row.Slice(start, terms.Length), terms);
            PowersInPlace(terms, p);
        }
    }

    // |x| → |x|ᵖ in place, with 0⁰ counted as 0 (p = 0 counts the non-zeros).
    static void PowersInPlace<T>(Span<T> a, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (p)
        {
            case 1: break;
            case 2: TensorPrimitives.Multiply(a, a, a); break;
            case 0: for (var i = 0; i < a.Length; i++) a[i] = a[i] != T.Zero ? T.One : T.Zero; break;
            default: TensorPrimitives.Pow(a, T.CreateTruncating(p), a); break;
        }
    }

    /// <summary>
    /// The variance Σ(x − mean)² / max(0, n − correction) (its square root for <paramref name="std"/>) over all elements
    /// (<paramref name="dim"/> null) or over one normalized dim: two passes, each sum through <see cref="Summation"/>.
    /// </summary>
    public static NdArray Var(NdArray x, int? dim, int correction, bool keepDim, bool std)
    {
        var shape = dim is { } d ? x.Shape.Reduce(d, keepDim) : keepDim ? Ones(x.Shape.Rank) : Shape.Scalar;
        var (outer, n, inner) = dim is { } k ? Split(x.Shape, k) : (1, x.Numel, 1);
        if (inner > 1)
            return x.DType == DType.Float32
                ? NdArray.Own(shape, VarColumns(x.Span<float>(), outer, n, inner, correction, std))
                : NdArray.Own(shape, VarColumns(x.Span<double>(), outer, n, inner, correction, std));
        return x.DType == DType.Float32
            ? NdArray.Own(shape, Var(x.Span<float>(), n, shape.Numel, correction, std))
            : NdArray.Own(shape, Var(x.Span<double>(), n, shape.Numel, correction, std));
    }

    // x is [outer, n, inner] with inner > 1: the column means by Summation.SumRows, then the squared deviations of
    // the rows from them summed the same way, without moving the dim last.
    static T[] VarColumns<T>(ReadOnlySpan<T> x, int outer, int n, int inner, int correction, bool std) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(outer * inner);
        var terms = Buffers.Rent<T>(n * inner);
        var divisor = T.CreateTruncating(Math.Max(0, n - correction));
        for (var o = 0; o < outer; o++)
        {
            var slab = x.Slice(o * n * inner, n * inner);
            var mean = r.AsSpan(o * inner, inner);
            Summation.SumRows(slab, mean);
            TensorPrimitives.Divide(mean, T.CreateTruncating(n), mean);
            for (var k = 0; k < n; k++) TensorPrimitives.Subtract(slab.Slice(k * inner, inner), mean, terms.AsSpan(k * inner, inner));
            TensorPrimitives.Multiply(terms, terms, terms);
            Summation.SumRows<T>(terms, mean);
            TensorPrimitives.Divide(mean, divisor, mean);
            if (std) TensorPrimitives.Sqrt(mean, mean);
        }
        Buffers.Return(terms);
        return r;
    }

    static T[] Var<T>(ReadOnlySpan<T> rows, int n, int count, int correction, bool std) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new T[count];
        var divisor = T.CreateTruncating(Math.Max(0, n - correction));
        for (var o = 0; o < count; o++)
        {
            var row = rows.Slice(o * n, n);
            var mean = Summation.Sum(row) / T.CreateTruncating(n);
            var v = Summation.Sum<T, Deviations<T>>(n, new Deviations<T>(row, mean)) / divisor;
            r[o] = std ? T.Sqrt(v) : v;
        }
        return r;
    }

    // The terms (x − mean)² of a sum of squared deviations, a block at a time.
    readonly ref struct Deviations<T>(ReadOnlySpan<T> row, T mean) : Summation.ITerms<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ReadOnlySpan<T> row = row;

        public void Write(int start, scoped Span<T> terms)
        {
            TensorPrimitives.Subtract(row.Slice(start, terms.Length), mean, terms);
            TensorPrimitives.Multiply(terms, terms, terms);
        }
    }

    /// <summary>A shape of <paramref name="rank"/> ones (the kept shape of a reduction over everything).</summary>
    public static Shape Ones(int rank) => rank == 0 ? Shape.Scalar : Shape.Of(Enumerable.Repeat(1, rank).ToArray());

    /// <summary>x's shape as [outer, n, inner] around dimension <paramref name="dim"/>.</summary>
    public static (int Outer, int N, int Inner) Split(Shape shape, int dim)
    {
        if (shape.Rank == 0) return (1, 1, 1);
        int outer = 1, inner = 1;
        for (var i = 0; i < dim; i++) outer *= shape[i];
        for (var i = dim + 1; i < shape.Rank; i++) inner *= shape[i];
        return (outer, shape[dim], inner);
    }
}
