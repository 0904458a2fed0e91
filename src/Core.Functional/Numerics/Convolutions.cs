using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics;

/// <summary>
/// Kernels behind convolution and max pooling: im2col and its adjoint col2im, the convolution forward (one GEMM for
/// the whole batch), and max pooling (its indices feed Layout.Take and Layout.ScatterAdd). The column matrix of an
/// input [N,C,H,W] is [N·Ho·Wo, C·kh·kw]: one row per output position (n, oh, ow), one column per (c, ki, kj) of the
/// window, the element x[n, c, oh·s − p + ki, ow·s − p + kj], zero where that falls in the padding.
/// </summary>
internal static class Convolutions
{
    /// <summary>A kh×kw window sliding with one stride and one padding over N planes of C channels of H×W.</summary>
    internal readonly record struct Window(int N, int C, int H, int W, int KernelH, int KernelW, int Stride, int Padding)
    {
        /// <summary>The window over x [N,C,H,W], or over x [C,H,W] as one batch item.</summary>
        public static Window Of(Shape x, int kernelH, int kernelW, int stride, int padding) =>
            x.Rank == 4 ? new(x[0], x[1], x[2], x[3], kernelH, kernelW, stride, padding)
            : new(1, x[0], x[1], x[2], kernelH, kernelW, stride, padding);

        /// <summary>
        /// <see cref="Of"/>, after checking that x is 3-D or 4-D, the kernel at least 1×1 and no larger than the padded
        /// input, the stride positive and the padding non-negative; errors name <paramref name="op"/> and the sizes.
        /// </summary>
        public static Window Checked(Shape x, int kernelH, int kernelW, int stride, int padding, string op)
        {
            if (x.Rank is not (3 or 4))
                throw new ArgumentException($"{op}: expected a 3-D [C, H, W] or 4-D [N, C, H, W] input, but got input of size: {x}");
            if (kernelH < 1 || kernelW < 1)
                throw new ArgumentException($"{op}: kernel size should be greater than zero, but got kernel_height: {kernelH} kernel_width: {kernelW}");
            if (stride < 1) throw new ArgumentException($"{op}: non-positive stride is not supported");
            if (padding < 0) throw new ArgumentException($"{op}: negative padding is not supported");
            var g = Of(x, kernelH, kernelW, stride, padding);
            if (g.PaddedH < kernelH || g.PaddedW < kernelW)
                throw new ArgumentException(
                    $"{op}: Calculated padded input size per channel: ({g.PaddedH} x {g.PaddedW}). " +
                    $"Kernel size: ({kernelH} x {kernelW}). Kernel size can't be greater than actual input size");
            return g;
        }

        /// <summary>Output rows, ⌊(H + 2p − kh) / s⌋ + 1 (floored, so it is ≤ 0 when the kernel does not fit).</summary>
        public int OutH => FloorDiv(PaddedH - KernelH, Stride) + 1;

        /// <summary>Output columns, ⌊(W + 2p − kw) / s⌋ + 1.</summary>
        public int OutW => FloorDiv(PaddedW - KernelW, Stride) + 1;

        /// <summary>Height of a padded plane, H + 2p.</summary>
        public int PaddedH => H + 2 * Padding;

        /// <summary>Width of a padded plane, W + 2p.</summary>
        public int PaddedW => W + 2 * Padding;

        /// <summary>Patches, the rows of the column matrix: N·Ho·Wo.</summary>
        public int Patches => N * OutH * OutW;

        /// <summary>Columns of the column matrix, C·kh·kw.</summary>
        public int Columns => C * KernelH * KernelW;

        static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);
    }

    /// <summary>
    /// conv2d of a floating x with w [O,C,kh,kw] (and b [O]), all of x's dtype, as <paramref name="shape"/>: the
    /// column matrix and one GEMM W·colsᵀ [O, N·Ho·Wo] in scratch buffers, then that product reordered to
    /// [N, O, Ho·Wo] with b[o] added on channel o.
    /// </summary>
    public static NdArray Convolve(NdArray x, NdArray w, NdArray? b, Window g, Shape shape) =>
        x.DType == DType.Float32
            ? NdArray.Own(shape, Convolve(x.Span<float>(), w.Buffer<float>(), b is null ? default : b.Span<float>(), b is not null, g, w.Shape[0]))
            : NdArray.Own(shape, Convolve(x.Span<double>(), w.Buffer<double>(), b is null ? default : b.Span<double>(), b is not null, g, w.Shape[0]));

    static T[] Convolve<T>(ReadOnlySpan<T> x, T[] w, ReadOnlySpan<T> b, bool withBias, Window g, int channels)
        where T : unmanaged, INumberBase<T>
    {
        var (rows, positions) = (g.Patches, g.OutH * g.OutW);
        var y = Buffers.Uninitialized<T>(channels * rows);
        if (y.Length == 0) return y;
        var cols = Buffers.Rent<T>(rows * g.Columns);
        var product = Buffers.Rent<T>(channels * rows);
        Im2Col(x, g, cols);
        Gemm.Product(w, false, cols, true, channels, rows, g.Columns, product);
        for (var n = 0; n < g.N; n++)
        for (var o = 0; o < channels; o++)
        {
            var from = product.AsSpan((o * g.N + n) * positions, positions);
            var to = y.AsSpan((n * channels + o) * positions, positions);
            if (withBias) TensorPrimitives.Add(from, b[o], to);
            else from.CopyTo(to);
        }
        Buffers.Return(product);
        Buffers.Return(cols);
        return y;
    }

    /// <summary>
    /// x̄ = col2im(Ȳᵀ·W) for ȳ [N,O,Ho,Wo] (or [O,Ho,Wo]) and w [O,C,kh,kw] of one floating dtype, as
    /// <paramref name="shape"/>; Ȳᵀ [N·Ho·Wo, O] and the product live in scratch buffers.
    /// </summary>
    public static NdArray InputGrad(NdArray yBar, NdArray w, Window g, Shape shape) =>
        yBar.DType == DType.Float32
            ? NdArray.Own(shape, InputGrad(yBar.Span<float>(), w.Buffer<float>(), g, w.Shape[0]))
            : NdArray.Own(shape, InputGrad(yBar.Span<double>(), w.Buffer<double>(), g, w.Shape[0]));

    static T[] InputGrad<T>(ReadOnlySpan<T> yBar, T[] w, Window g, int channels) where T : unmanaged, INumberBase<T>
    {
        var (rows, positions) = (g.Patches, g.OutH * g.OutW);
        var rowsMajor = Buffers.Rent<T>(rows * channels);
        for (var n = 0; n < g.N; n++)
        for (var o = 0; o < channels; o++)
        {
            var from = yBar.Slice((n * channels + o) * positions, positions);
            for (var l = 0; l < positions; l++) rowsMajor[(n * positions + l) * channels + o] = from[l];
        }
        var cols = Buffers.Rent<T>(rows * g.Columns);
        Gemm.Product(rowsMajor, false, w, false, rows, g.Columns, channels, cols);
        var x = Col2Im<T>(cols, g);
        Buffers.Return(cols);
        Buffers.Return(rowsMajor);
        return x;
    }

    /// <summary>
    /// W̄ = Ȳ·im2col(x) for ȳ [N,O,Ho,Wo] (or [O,Ho,Wo]) and x of one floating dtype, as <paramref name="shape"/>
    /// [O,C,kh,kw]; Ȳ as [O, N·Ho·Wo] and the column matrix live in scratch buffers.
    /// </summary>
    public static NdArray WeightGrad(NdArray yBar, NdArray x, Window g, Shape shape) =>
        yBar.DType == DType.Float32
            ? NdArray.Own(shape, WeightGrad(yBar.Span<float>(), x.Span<float>(), g, shape[0]))
            : NdArray.Own(shape, WeightGrad(yBar.Span<double>(), x.Span<double>(), g, shape[0]));

    static T[] WeightGrad<T>(ReadOnlySpan<T> yBar, ReadOnlySpan<T> x, Window g, int channels) where T : unmanaged, INumberBase<T>
    {
        var (rows, positions) = (g.Patches, g.OutH * g.OutW);
        var w = Buffers.Uninitialized<T>(channels * g.Columns);
        var channelsMajor = Buffers.Rent<T>(channels * rows);
        for (var n = 0; n < g.N; n++)
        for (var o = 0; o < channels; o++)
            yBar.Slice((n * channels + o) * positions, positions).CopyTo(channelsMajor.AsSpan((o * g.N + n) * positions, positions));
        var cols = Buffers.Rent<T>(rows * g.Columns);
        Im2Col(x, g, cols);
        Gemm.Product(channelsMajor, false, cols, false, channels, g.Columns, rows, w);
        Buffers.Return(cols);
        Buffers.Return(channelsMajor);
        return w;
    }

    /// <summary>b̄[o] = Σ ȳ[n, o, ·] over the batch and the positions, for ȳ [N,O,Ho,Wo] (or [O,Ho,Wo]) floating.</summary>
    public static NdArray BiasGrad(NdArray yBar, int batch, int channels)
    {
        var positions = yBar.Numel / Math.Max(1, batch * channels);
        var perImage = Reductions.SumDim(yBar.WithShape(Shape.Of(batch, channels, positions)), 2, keepDim: false);
        return Reductions.SumDim(perImage, 0, keepDim: false);
    }

    /// <summary>The column matrix [N·Ho·Wo, C·kh·kw] of a floating x (see the class summary).</summary>
    public static NdArray Im2Col(NdArray x, Window g)
    {
        var shape = Shape.Of(g.Patches, g.Columns);
        if (x.DType == DType.Float32)
        {
            var cols = Buffers.Uninitialized<float>(shape.Numel);
            Im2Col(x.Span<float>(), g, cols);
            return NdArray.Own(shape, cols);
        }
        var d = Buffers.Uninitialized<double>(shape.Numel);
        Im2Col(x.Span<double>(), g, d);
        return NdArray.Own(shape, d);
    }

    // Every window is read through one table of offsets from its top-left corner, in x or, with padding, in a
    // zero-padded copy of x, so no element needs a bounds test: a branch-free gather per row of the matrix. The
    // windows fit the padded image (Window.Checked), so every offset read is inside it.
    static void Im2Col<T>(ReadOnlySpan<T> x, Window g, Span<T> cols) where T : unmanaged, INumberBase<T>
    {
        if (cols.IsEmpty) return;
        var padded = g.Padding > 0 ? Pad(x, g) : null;
        var image = padded is null ? x : padded.AsSpan(0, g.N * g.C * g.PaddedH * g.PaddedW);
        var offsets = Offsets(g);
        var (columns, stride, outH, outW, item, row) = (g.Columns, g.Stride, g.OutH, g.OutW, g.C * g.PaddedH * g.PaddedW, g.PaddedW);
        ref var from = ref MemoryMarshal.GetReference(image);
        ref var to = ref MemoryMarshal.GetReference(cols);
        ref var table = ref MemoryMarshal.GetArrayDataReference(offsets);
        var r = 0;
        for (var n = 0; n < g.N; n++)
        for (var oh = 0; oh < outH; oh++)
        for (var ow = 0; ow < outW; ow++, r += columns)
        {
            ref var window = ref Unsafe.Add(ref from, n * item + oh * stride * row + ow * stride);
            ref var target = ref Unsafe.Add(ref to, r);
            for (var k = 0; k < columns; k++) Unsafe.Add(ref target, k) = Unsafe.Add(ref window, Unsafe.Add(ref table, k));
        }
        if (padded is not null) Buffers.Return(padded);
    }

    /// <summary>The adjoint of <see cref="Im2Col(NdArray, Window)"/>: each column entry added into the input element it was read from.</summary>
    public static NdArray Col2Im(NdArray cols, Window g, Shape shape) =>
        cols.DType == DType.Float32
            ? NdArray.Own(shape, Col2Im(cols.Span<float>(), g))
            : NdArray.Own(shape, Col2Im(cols.Span<double>(), g));

    // Im2Col's gather turned into a scatter-add, into a zero-padded image whose interior is then x̄.
    static T[] Col2Im<T>(ReadOnlySpan<T> cols, Window g) where T : unmanaged, INumberBase<T>
    {
        var length = g.N * g.C * g.H * g.W;
        if (cols.IsEmpty) return new T[length];
        var padded = g.Padding > 0 ? Buffers.Rent<T>(g.N * g.C * g.PaddedH * g.PaddedW) : null;
        var x = padded is null ? new T[length] : Buffers.Uninitialized<T>(length);
        var image = padded ?? x;
        if (padded is not null) Array.Clear(padded);
        var offsets = Offsets(g);
        var (columns, stride, outH, outW, item, row) = (g.Columns, g.Stride, g.OutH, g.OutW, g.C * g.PaddedH * g.PaddedW, g.PaddedW);
        ref var to = ref MemoryMarshal.GetArrayDataReference(image);
        ref var from = ref MemoryMarshal.GetReference(cols);
        ref var table = ref MemoryMarshal.GetArrayDataReference(offsets);
        var r = 0;
        for (var n = 0; n < g.N; n++)
        for (var oh = 0; oh < outH; oh++)
        for (var ow = 0; ow < outW; ow++, r += columns)
        {
            ref var window = ref Unsafe.Add(ref to, n * item + oh * stride * row + ow * stride);
            ref var source = ref Unsafe.Add(ref from, r);
            for (var k = 0; k < columns; k++) Unsafe.Add(ref window, Unsafe.Add(ref table, k)) += Unsafe.Add(ref source, k);
        }
        if (padded is null) return x;
        var (p, h, w) = (g.Padding, g.H, g.W);
        for (var plane = 0; plane < g.N * g.C; plane++)
        for (var i = 0; i < h; i++)
            padded.AsSpan((plane * g.PaddedH + i + p) * row + p, w).CopyTo(x.AsSpan((plane * h + i) * w, w));
        Buffers.Return(padded);
        return x;
    }

    // x with a border of p zeros around every H×W plane, in a scratch buffer the caller returns.
    static T[] Pad<T>(ReadOnlySpan<T> x, Window g) where T : unmanaged
    {
        var padded = Buffers.Rent<T>(g.N * g.C * g.PaddedH * g.PaddedW);
        Array.Clear(padded);
        var (p, h, w, row) = (g.Padding, g.H, g.W, g.PaddedW);
        for (var plane = 0; plane < g.N * g.C; plane++)
        for (var i = 0; i < h; i++)
            x.Slice((plane * h + i) * w, w).CopyTo(padded.AsSpan((plane * g.PaddedH + i + p) * row + p, w));
        return padded;
    }

    // Offsets of the window's C·kh·kw elements from its top-left corner in the padded image, in column order (c, ki, kj).
    static int[] Offsets(Window g)
    {
        var offsets = new int[g.Columns];
        var k = 0;
        for (var c = 0; c < g.C; c++)
        for (var ki = 0; ki < g.KernelH; ki++)
        for (var kj = 0; kj < g.KernelW; kj++)
            offsets[k++] = (c * g.PaddedH + ki) * g.PaddedW + kj;
        return offsets;
    }

    /// <summary>
    /// Max pooling of a floating x with no padding: the maxima, of shape <paramref name="shape"/>, and for each the
    /// flat index into x of the first maximum of its window (the last NaN when there is one, as PyTorch takes it).
    /// </summary>
    public static (NdArray Y, ImmutableArray<int> Indices) MaxPool(NdArray x, Window g, Shape shape)
    {
        var indices = Buffers.Uninitialized<int>(shape.Numel);
        var y = x.DType == DType.Float32
            ? NdArray.Own(shape, MaxPool(x.Span<float>(), g, indices))
            : NdArray.Own(shape, MaxPool(x.Span<double>(), g, indices));
        return (y, ImmutableCollectionsMarshal.AsImmutableArray(indices));
    }

    // Element by element of the window rather than window by window: gather element e of every window, then keep it
    // where it beats the running maximum, with vector compares and blends (data-dependent branches per element cost
    // several times more). Until the last pass, indices holds each window's top-left corner and which[i], as a number
    // in T, the window element the maximum came from.
    static T[] MaxPool<T>(ReadOnlySpan<T> x, Window g, int[] indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (windows, size) = (indices.Length, g.KernelH * g.KernelW);
        var y = Buffers.Uninitialized<T>(windows);
        if (windows == 0) return y;
        var (w, stride, outH, outW, plane) = (g.W, g.Stride, g.OutH, g.OutW, g.H * g.W);
        var i = 0;
        for (var p = 0; p < g.N * g.C; p++)
        for (var oh = 0; oh < outH; oh++)
        for (var ow = 0; ow < outW; ow++)
            indices[i++] = p * plane + oh * stride * w + ow * stride;
        var offsets = new int[size];
        for (var e = 0; e < size; e++) offsets[e] = e / g.KernelW * w + e % g.KernelW;
        var which = Buffers.Rent<T>(windows);
        var candidates = Buffers.Rent<T>(windows);
        Pick(x, indices, offsets[0], y);
        Array.Clear(which);
        for (var e = 1; e < size; e++)
        {
            Pick(x, indices, offsets[e], candidates);
            Keep(y, which, candidates, T.CreateTruncating(e));
        }
        for (i = 0; i < windows; i++) indices[i] += offsets[int.CreateTruncating(which[i])];
        Buffers.Return(candidates);
        Buffers.Return(which);
        return y;
    }

    // target[i] = x[corners[i] + offset].
    static void Pick<T>(ReadOnlySpan<T> x, int[] corners, int offset, Span<T> target)
    {
        var from = x[offset..];
        for (var i = 0; i < target.Length; i++) target[i] = from[corners[i]];
    }

    // Where candidate > best or candidate is NaN (PyTorch's rule: the first maximum, or the last NaN), best = candidate
    // and which = e.
    static void Keep<T>(Span<T> best, Span<T> which, ReadOnlySpan<T> candidates, T e) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var element = new Vector<T>(e);
            for (; i <= best.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var (c, b) = (new Vector<T>(candidates[i..]), new Vector<T>(best[i..]));
                var take = Vector.GreaterThan(c, b) | ~Vector.Equals(c, c);
                Vector.ConditionalSelect(take, c, b).CopyTo(best[i..]);
                Vector.ConditionalSelect(take, element, new Vector<T>(which[i..])).CopyTo(which[i..]);
            }
        }
        for (; i < best.Length; i++)
            if (candidates[i] > best[i] || T.IsNaN(candidates[i])) (best[i], which[i]) = (candidates[i], e);
    }
}
