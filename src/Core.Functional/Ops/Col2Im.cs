namespace Nabla.Core;

/// <summary>
/// y = x [N·Ho·Wo, C·kh·kw] folded back into an image of a given shape [N,C,H,W] (or [C,H,W]): each entry is added
/// into the element <see cref="Im2Col"/> reads it from (PyTorch's fold). Linear, Im2Col's adjoint, with adjoint
/// x̄ = <see cref="Im2Col"/>(ȳ).
/// </summary>
public sealed class Col2Im() : LinearOp<(int KernelH, int KernelW, int Stride, int Padding)>("Col2ImBackward0", Saves.Shapes)
{
    static readonly Col2Im Rule = new();

    /// <summary>The column matrix x summed back into an image of shape <paramref name="image"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape image, int kernelH, int kernelW, int stride = 1, int padding = 0) =>
        env =>
        {
            var window = Convolutions.Window.Checked(image, kernelH, kernelW, stride, padding, "col2im");
            if (!x.Shape.Equals(Shape.Of(window.Patches, window.Columns)))
                throw new ArgumentException(
                    $"col2im: expected columns of shape {Shape.Of(window.Patches, window.Columns)} for an image of shape {image} " +
                    $"with a {kernelH}x{kernelW} kernel, stride {stride} and padding {padding}, but got shape {x.Shape}");
            var y = Convolutions.Col2Im(Layout.Cast(x.Value, x.DType.ToFloating()), window, image);
            return Rule.Record(env, y, (kernelH, kernelW, stride, padding), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((int KernelH, int KernelW, int Stride, int Padding) s, Shape shape, Expr t) =>
        Apply(t, shape, s.KernelH, s.KernelW, s.Stride, s.Padding);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((int KernelH, int KernelW, int Stride, int Padding) s, Expr yBar) =>
        Im2Col.Apply(yBar, s.KernelH, s.KernelW, s.Stride, s.Padding);
}
