namespace Nabla.NN;

/// <summary>
/// 2-D convolution (torch.nn.Conv2d, groups 1, dilation 1): input [N, C, H, W], Weight [out, C, k, k], Bias [out],
/// initialised from U(−1/√(C·k²), 1/√(C·k²)) as PyTorch does; computed as im2col and one GEMM (ConvolutionBackward0).
/// </summary>
public sealed class Conv2d : Module
{
    /// <summary>A convolution layer with a square kernel; the same <paramref name="seed"/> gives the same initial weights.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true,
                  int? seed = null, DType? dtype = null)
    {
        if (inChannels <= 0 || outChannels <= 0)
            throw new ArgumentException($"Conv2d: channel counts must be positive, got in_channels={inChannels}, out_channels={outChannels}");
        if (kernelSize <= 0) throw new ArgumentException($"Conv2d: kernel_size must be positive, got {kernelSize}", nameof(kernelSize));
        if (stride <= 0) throw new ArgumentException("non-positive stride is not supported", nameof(stride));
        if (padding < 0) throw new ArgumentException("negative padding is not supported", nameof(padding));
        (InChannels, OutChannels, KernelSize, Stride, Padding) = (inChannels, outChannels, kernelSize, stride, padding);
        var random = Init.Generator(seed);
        var fanIn = inChannels * kernelSize * kernelSize;
        Weight = RegisterParameter("weight", Init.Uniform([outChannels, inChannels, kernelSize, kernelSize], fanIn, random, dtype));
        if (bias) Bias = RegisterParameter("bias", Init.Uniform([outChannels], fanIn, random, dtype));
    }

    /// <summary>Input channels C.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Step between kernel positions.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on each side of the input.</summary>
    public int Padding { get; }

    /// <summary>The kernels, [out, C, k, k].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, [out]; null when made with <c>bias: false</c>.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize}, {KernelSize}), stride=({Stride}, {Stride})" +
        (Padding != 0 ? $", padding=({Padding}, {Padding})" : "") + (Bias is null ? ", bias=False" : "");
}

/// <summary>Maximum over each window (torch.nn.MaxPool2d, no padding, floor mode); the stride defaults to the window size.</summary>
public sealed class MaxPool2d : Module
{
    /// <summary>Max pooling over <paramref name="kernelSize"/>² windows.</summary>
    public MaxPool2d(int kernelSize, int? stride = null)
    {
        if (kernelSize <= 0) throw new ArgumentException($"MaxPool2d: kernel_size must be positive, got {kernelSize}", nameof(kernelSize));
        if (stride <= 0) throw new ArgumentException($"MaxPool2d: stride must be positive, got {stride}", nameof(stride));
        (KernelSize, Stride) = (kernelSize, stride ?? kernelSize);
    }

    /// <summary>Side of the square window.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.MaxPool2d(input, KernelSize, Stride);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"kernel_size={KernelSize}, stride={Stride}, padding=0, dilation=1, ceil_mode=False";
}
