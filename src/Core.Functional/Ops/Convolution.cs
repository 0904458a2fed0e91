namespace Nabla.Core;

/// <summary>
/// Y = W ⋆ X + b, the 2-D cross-correlation of X [N,C,H,W] (or [C,H,W]) with W [O,C,kh,kw], plus b [O] on each
/// channel: with cols = im2col(X) [N·Ho·Wo, C·kh·kw], Y is W·colsᵀ [O, N·Ho·Wo] reordered to [N,O,Ho,Wo], in one
/// GEMM for the whole batch. Affine: bilinear in (X, W) plus b, so Ẏ = W ⋆ Ẋ + Ẇ ⋆ X + ḃ, one term per input, and
/// X̄ = col2im(Ȳᵀ·W), W̄ = Ȳ·im2col(X), b̄ = Σ Ȳ over N, Ho, Wo, with Ȳ read as [O, N·Ho·Wo]: built from differentiable
/// ops when the backward is recorded, from fused kernels otherwise.
/// </summary>
public sealed class Convolution() : Op<(Expr X, Expr W, int Stride, int Padding)>("ConvolutionBackward0")
{
    static readonly Convolution Rule = new();

    /// <summary>conv2d(x, w, b), stride s and p zeros of padding on both spatial dims; output [N,O,Ho,Wo], Ho = ⌊(H + 2p − kh)/s⌋ + 1.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Expr w, Expr? b, int stride = 1, int padding = 0) =>
        env =>
        {
            var window = Check(x.Shape, w.Shape, b?.Shape, stride, padding);
            var dtype = DTypes.Promote(DTypes.Promote(x.DType, w.DType), b?.DType ?? x.DType).ToFloating();
            var output = x.Shape.Rank == 4
                ? Shape.Of(window.N, w.Shape[0], window.OutH, window.OutW)
                : Shape.Of(w.Shape[0], window.OutH, window.OutW);
            var y = Convolutions.Convolve(Layout.Cast(x.Value, dtype), Layout.Cast(w.Value, dtype),
                                          b is null ? null : Layout.Cast(b.Value, dtype), window, output);
            var saved = (x, w, stride, padding);
            return b is null ? Rule.Record(env, y, saved, x, w) : Rule.Record(env, y, saved, x, w, b);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, Expr W, int Stride, int Padding) s, Expr? y, Expr yBar, int input) =>
        env => env.GradEnabled
            ? Composite(s, yBar, input)(env)
            : Rule.Record(env, Fused(s, yBar, input), s, yBar);   // with grad off, Record records nothing

    /// <inheritdoc/>
    // Each product is a convolution of its own (recorded, unlike the fused backward); ḃ is shaped [O,1,1] to broadcast
    // over the positions.
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, Expr W, int Stride, int Padding) s, Expr? y, Shape shape,
                                                         Expr?[] xDots) =>
        SumOfTerms(xDots, (i, t) => i switch
        {
            0 => Apply(t, s.W, null, s.Stride, s.Padding),          // W ⋆ Ẋ
            1 => Apply(s.X, t, null, s.Stride, s.Padding),          // Ẇ ⋆ X
            _ => Reshape.Apply(t, Shape.Of(t.Shape[0], 1, 1)),      // ḃ on each channel
        });

    // With grad enabled (a backward that creates a graph) the cotangents are built from differentiable ops, so they
    // can be differentiated again: im2col recomputed from the saved x, Mm, Transpose, Reshape, col2im and SumTo.
    static Reader<GradEnv, Expr> Composite((Expr X, Expr W, int Stride, int Padding) s, Expr yBar, int input)
    {
        var (n, o, kh, kw) = (s.X.Shape.Rank == 4 ? s.X.Shape[0] : 1, s.W.Shape[0], s.W.Shape[2], s.W.Shape[3]);
        var positions = yBar.Shape[yBar.Shape.Rank - 2] * yBar.Shape[yBar.Shape.Rank - 1];
        return input switch
        {
            0 => from items in Reshape.Apply(yBar, Shape.Of(n, o, positions))
                 from rows in Transpose.Apply(items, 1, 2)
                 from g in Reshape.Apply(rows, Shape.Of(n * positions, o))
                 from w in Reshape.Apply(s.W, Shape.Of(o, s.W.Shape.Numel / o))
                 from cols in Mm.Apply(g, w)
                 from r in Col2Im.Apply(cols, s.X.Shape, kh, kw, s.Stride, s.Padding)
                 select r,
            1 => from items in Reshape.Apply(yBar, Shape.Of(n, o, positions))
                 from channels in Transpose.Apply(items, 0, 1)
                 from g in Reshape.Apply(channels, Shape.Of(o, n * positions))
                 from cols in Im2Col.Apply(s.X, kh, kw, s.Stride, s.Padding)
                 from w in Mm.Apply(g, cols)
                 from r in Reshape.Apply(w, s.W.Shape)
                 select r,
            _ => from sums in SumTo.Apply(yBar, Shape.Of(o, 1, 1))
                 from r in Reshape.Apply(sums, Shape.Of(o))
                 select r,
        };
    }

    // Without grad (a plain backward) the same cotangents come from fused kernels whose intermediates (Ȳ reordered,
    // the column matrix, its product) live in scratch buffers rather than in tensors.
    static NdArray Fused((Expr X, Expr W, int Stride, int Padding) s, Expr yBar, int input)
    {
        var (x, w) = (s.X.Value, s.W.Value);
        var window = Convolutions.Window.Of(x.Shape, w.Shape[2], w.Shape[3], s.Stride, s.Padding);
        var dtype = yBar.DType;
        return input switch
        {
            0 => Convolutions.InputGrad(yBar.Value, Layout.Cast(w, dtype), window, x.Shape),
            1 => Convolutions.WeightGrad(yBar.Value, Layout.Cast(x, dtype), window, w.Shape),
            _ => Convolutions.BiasGrad(yBar.Value, window.N, w.Shape[0]),
        };
    }

    // PyTorch's checks and words (conv2d's), prefixed with the op's name.
    static Convolutions.Window Check(Shape x, Shape w, Shape? b, int stride, int padding)
    {
        if (stride < 1) throw new ArgumentException("conv2d: non-positive stride is not supported");
        if (padding < 0) throw new ArgumentException("conv2d: negative padding is not supported");
        if (x.Rank is not (3 or 4))
            throw new ArgumentException($"conv2d: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: {x}");
        if (w.Rank != 4)
            throw new ArgumentException($"conv2d: expected a 4-D weight [out_channels, in_channels, kH, kW], but got weight of size {w}");
        if (w[0] < 1)
            throw new ArgumentException($"conv2d: Given groups=1, expected weight to be at least 1 at dimension 0, but got weight of size {w} instead");
        var batched = x.Rank == 4 ? x : Shape.Of([1, .. x.ToArray()]);
        if (batched[1] != w[1])
            throw new ArgumentException(
                $"conv2d: Given groups=1, weight of size {w}, expected input{batched} to have {w[1]} channels, but got {batched[1]} channels instead");
        if (b is not null && (b.Rank != 1 || b[0] != w[0]))
            throw new ArgumentException(
                $"conv2d: Given weight of size {w}, expected bias to be 1-dimensional with {w[0]} elements, but got bias of size {b} instead");
        return Convolutions.Window.Checked(x, w[2], w[3], stride, padding, "conv2d");
    }
}
