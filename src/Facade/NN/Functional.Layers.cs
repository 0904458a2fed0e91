namespace Nabla.NN;

public static partial class Functional
{
    /// <summary>2-D convolution of [N, C, H, W] by weight [out, C, kh, kw] plus bias [out] (ConvolutionBackward0).</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0) =>
        Tensor.Run(Core.Convolution.Apply(input.Expr, weight.Expr, bias?.Expr, stride, padding));

    /// <summary>Maximum over each window of [N, C, H, W] or [C, H, W] (MaxPool2DWithIndicesBackward0).</summary>
    public static Tensor MaxPool2d(Tensor input, int kernelSize, int? stride = null) =>
        Tensor.Run(Core.MaxPool2d.Apply(input.Expr, kernelSize, stride));
}
