using System.Collections.Immutable;

namespace Nabla.Core;

/// <summary>
/// y = the maximum of each k×k window of x [N,C,H,W] (or [C,H,W]), windows s apart, no padding, floor mode. Linear at
/// the saved point: ẏ = ẋ at each window's (first) maximum (<see cref="Take"/>), with adjoint x̄ = ȳ added there,
/// zero elsewhere (<see cref="MaxPool2dBackward"/>).
/// </summary>
public sealed class MaxPool2d() : LinearOp<(ImmutableArray<int> Indices, Shape Input)>("MaxPool2DWithIndicesBackward0")
{
    static readonly MaxPool2d Rule = new();

    /// <summary>max_pool2d(x, kernelSize, stride) with stride defaulting to kernelSize.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int kernelSize, int? stride = null) =>
        env =>
        {
            var window = Check(x.Shape, kernelSize, stride ?? kernelSize);
            var output = x.Shape.Rank == 4
                ? Shape.Of(window.N, window.C, window.OutH, window.OutW)
                : Shape.Of(window.C, window.OutH, window.OutW);
            var (y, indices) = Convolutions.MaxPool(Layout.Cast(x.Value, x.DType.ToFloating()), window, output);
            return Rule.Record(env, y, (indices, x.Shape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((ImmutableArray<int> Indices, Shape Input) s, Shape shape, Expr t) =>
        Take.Apply(t, s.Indices, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((ImmutableArray<int> Indices, Shape Input) s, Expr yBar) =>
        MaxPool2dBackward.Apply(yBar, s.Indices, s.Input);

    // PyTorch's checks and words (max_pool2d's), prefixed with the op's name.
    static Convolutions.Window Check(Shape x, int kernel, int stride)
    {
        if (kernel < 1)
            throw new ArgumentException($"max_pool2d: kernel size should be greater than zero, but got kH: {kernel} kW: {kernel}");
        if (stride == 0) throw new ArgumentException("max_pool2d: stride should not be zero");
        if (stride < 0)
            throw new ArgumentException($"max_pool2d: stride should be greater than zero, but got dH: {stride} dW: {stride}");
        if (x.Rank is not (3 or 4))
            throw new ArgumentException($"max_pool2d: non-empty 3D or 4D (batch mode) tensor expected for input, but got input of size: {x}");
        var window = Convolutions.Window.Of(x, kernel, kernel, stride, 0);
        if (window.C == 0 || window.H == 0 || window.W == 0)
            throw new ArgumentException(
                $"max_pool2d: Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:{x}");
        if (window.OutH < 1 || window.OutW < 1)
            throw new ArgumentException(
                $"max_pool2d: Given input size: ({window.C}x{window.H}x{window.W}). " +
                $"Calculated output size: ({window.C}x{window.OutH}x{window.OutW}). Output size is too small");
        return window;
    }
}
