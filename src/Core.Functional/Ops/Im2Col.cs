namespace Nabla.Core;

/// <summary>
/// y = the column matrix [N·Ho·Wo, C·kh·kw] of x [N,C,H,W] (or [C,H,W], one batch item): row (n, oh, ow), column
/// (c, ki, kj) holds x[n, c, oh·s − p + ki, ow·s − p + kj], zero in the padding (PyTorch's unfold, transposed and
/// flattened over the batch). Linear, with adjoint x̄ = <see cref="Col2Im"/>(ȳ), which adds each entry back where it
/// was read.
/// </summary>
public sealed class Im2Col() : LinearOp<(Shape Input, int KernelH, int KernelW, int Stride, int Padding)>("Im2ColBackward0", Saves.Shapes)
{
    static readonly Im2Col Rule = new();

    /// <summary>The [N·Ho·Wo, C·kh·kw] windows of x, Ho = ⌊(H + 2p − kh)/s⌋ + 1, Wo likewise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int kernelH, int kernelW, int stride = 1, int padding = 0) =>
        env =>
        {
            var window = Convolutions.Window.Checked(x.Shape, kernelH, kernelW, stride, padding, "im2col");
            var y = Convolutions.Im2Col(Layout.Cast(x.Value, x.DType.ToFloating()), window);
            return Rule.Record(env, y, (x.Shape, kernelH, kernelW, stride, padding), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int KernelH, int KernelW, int Stride, int Padding) s,
                                                         Shape shape, Expr t) =>
        Apply(t, s.KernelH, s.KernelW, s.Stride, s.Padding);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int KernelH, int KernelW, int Stride, int Padding) s,
                                                             Expr yBar) =>
        Col2Im.Apply(yBar, s.Input, s.KernelH, s.KernelW, s.Stride, s.Padding);
}
