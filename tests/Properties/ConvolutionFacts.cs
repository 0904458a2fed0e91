namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>
/// Convolution and max pooling on small fixed inputs against PyTorch 1.13 (bench/torch/conv_reference.py, whose
/// printed numbers sit next to each assertion). Inputs, weights and seeds are small dyadic rationals, so every value is
/// exact in both dtypes and the comparisons are exact, in Float32 as in Float64. Also grad_fn names and error messages.
/// </summary>
public sealed class ConvolutionFacts
{
    /// <summary>((i·step) mod modulus − shift) / scale for i = 0..n−1: the script's <c>pattern</c>.</summary>
    static double[] Pattern(int n, int step, int modulus, int shift, double scale) =>
        Enumerable.Range(0, n).Select(i => ((i * step) % modulus - shift) / scale).ToArray();

    static Expr Leaf(double[] values, Shape shape, DType dtype) => Expr.Leaf(NdArray.From(values, shape, dtype));

    static Expr Constant(double[] values, Shape shape, DType dtype) => Expr.Constant(NdArray.From(values, shape, dtype));

    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Conv2d_with_stride_2_padding_1_and_bias_matches_pytorch(DType dtype)
    {
        // x = pattern(48, 7, 13, 6, 4).reshape(2, 2, 3, 4); w = pattern(36, 5, 11, 5, 8).reshape(3, 2, 3, 2)
        // b = [0.5, -0.25, 1.0]; y = F.conv2d(x, w, b, stride=2, padding=1); y.backward(pattern(36, 3, 7, 3, 2))
        var x = Leaf(Pattern(48, 7, 13, 6, 4), Shape.Of(2, 2, 3, 4), dtype);
        var w = Leaf(Pattern(36, 5, 11, 5, 8), Shape.Of(3, 2, 3, 2), dtype);
        var b = Leaf([0.5, -0.25, 1.0], Shape.Of(3), dtype);
        var y = Autodiff.Eval(Convolution.Apply(x, w, b, stride: 2, padding: 1));

        // conv2d(x, w, b, stride=2, padding=1): ConvolutionBackward0
        Assert.Equal("ConvolutionBackward0", y.Node!.Name);
        Assert.Equal(dtype, y.DType);
        Assert.Equal(Shape.Of(2, 3, 2, 3), y.Shape);
        // y [2, 3, 2, 3]
        Assert.Equal(
        [
            0.625, 0.28125, 0.90625, -0.125, -0.5625, 0.46875, -1.375, 0.03125, 0.53125, -0.875, -0.03125, -0.03125,
            2.0625, 2.125, 1.46875, 0.375, 0.78125, 2.15625, 0.59375, 1.09375, 0.53125, 0.125, -0.46875, 0.3125, 0.0,
            -1.46875, 0.90625, -1.25, -0.15625, 0.21875, 1.40625, 2.4375, 1.21875, 0.75, 0.78125, 1.78125,
        ], y.Value.ToDoubles());

        var grads = Autodiff.Gradients(y, Constant(Pattern(36, 3, 7, 3, 2), y.Shape, dtype));
        // x.grad [2, 2, 3, 4]
        Assert.Equal(
        [
            0.6875, 0.4375, -0.875, 0.1875, 1.875, 0.875, -1.25, 0.5, 0.8125, 1.4375, -0.75, -1.0, 1.4375, 0.8125, -0.5,
            0.1875, 0.875, 1.875, -0.9375, -0.6875, 0.4375, 0.6875, -1.5, -0.8125, -0.75, -1.0, 0.75, 0.9375, -0.5625,
            -0.625, -0.1875, -1.0, 0.6875, 0.4375, -0.875, 0.1875, -1.5, -0.8125, 0.9375, 0.75, 1.5, -0.0625, -0.3125,
            0.875, 1.4375, 0.8125, -0.5, 0.1875,
        ], grads.GradOf(x).Value.ToDoubles());
        // w.grad [3, 2, 3, 2]
        Assert.Equal(
        [
            0.875, 1.625, 2.5, 6.375, 1.375, 1.25, -1.75, 0.125, -5.125, -0.625, -0.375, -1.0, -0.125, -0.25, -1.25,
            -1.375, -1.375, 0.25, 1.625, -0.25, 6.375, -0.5, 1.25, -0.5, -0.25, -0.375, -0.625, 4.0, -0.625, -0.75,
            -0.25, 1.125, -1.375, 1.375, 0.25, 0.0,
        ], grads.GradOf(w).Value.ToDoubles());
        // b.grad [3]: 0.0, -0.5, -1.0
        Assert.Equal([0.0, -0.5, -1.0], grads.GradOf(b).Value.ToDoubles());
        Assert.All(new[] { x, w, b }, leaf => Assert.Equal(dtype, grads.GradOf(leaf).DType));
    }

    [Theory]
    [InlineData(3, 2, DType.Float64)]
    [InlineData(3, 2, DType.Float32)]
    [InlineData(2, null, DType.Float64)]
    [InlineData(2, null, DType.Float32)]
    public void Max_pool2d_matches_pytorch(int kernel, int? stride, DType dtype)
    {
        // x = pattern(50, 17, 50, 24, 4).reshape(1, 2, 5, 5) (50 distinct values); y = F.max_pool2d(x, kernel, stride)
        // y.backward(pattern(8, 3, 7, 3, 2))
        var x = Leaf(Pattern(50, 17, 50, 24, 4), Shape.Of(1, 2, 5, 5), dtype);
        var y = Autodiff.Eval(MaxPool2d.Apply(x, kernel, stride));
        var grads = Autodiff.Gradients(y, Constant(Pattern(8, 3, 7, 3, 2), y.Shape, dtype));

        // max_pool2d(x, …): MaxPool2DWithIndicesBackward0
        Assert.Equal("MaxPool2DWithIndicesBackward0", y.Node!.Name);
        Assert.Equal(Shape.Of(1, 2, 2, 2), y.Shape);
        Assert.Equal(dtype, grads.GradOf(x).DType);
        var (values, grad) = kernel == 3
            // max_pool2d(x, 3, 2): the windows overlap and the second channel's two lower windows share their
            // maximum 6.25, so its gradient is the sum of their cotangents, 0.5 − 1.5 = −1.0 (x.grad[47]).
            // y [1, 2, 2, 2]: 3.25, 3.5, 4.0, 4.25, 5.25, 5.5, 6.25, 6.25
            // x.grad [1, 2, 5, 5]: nonzero only at 11: -1.5, 20: 1.5, 23: -0.5, 35: 1.0, 38: -1.0, 47: -1.0
            ? (new[] { 3.25, 3.5, 4.0, 4.25, 5.25, 5.5, 6.25, 6.25 },
               new Dictionary<int, double> { [11] = -1.5, [20] = 1.5, [23] = -0.5, [35] = 1.0, [38] = -1.0, [47] = -1.0 })
            // max_pool2d(x, 2, None): floor mode drops the last row and column.
            // y [1, 2, 2, 2]: 2.75, 3.0, 3.25, 3.75, 4.5, 5.0, 5.75, 5.5
            // x.grad [1, 2, 5, 5]: nonzero only at 5: -1.5, 11: 1.5, 17: -0.5, 26: 1.0, 32: -1.0, 38: -1.5, 41: 0.5
            : (new[] { 2.75, 3.0, 3.25, 3.75, 4.5, 5.0, 5.75, 5.5 },
               new Dictionary<int, double> { [5] = -1.5, [11] = 1.5, [17] = -0.5, [26] = 1.0, [32] = -1.0, [38] = -1.5, [41] = 0.5 });
        Assert.Equal(values, y.Value.ToDoubles());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => grad.GetValueOrDefault(i)), grads.GradOf(x).Value.ToDoubles());
    }

    [Fact]
    public void Max_pool2d_takes_nan_as_the_maximum_and_3d_input_as_one_item()
    {
        // x = torch.tensor([[[[1., nan], [3, 4]]]], requires_grad=True); y = F.max_pool2d(x, 2)
        // -> tensor([[[[nan]]]]); y.sum().backward(); x.grad -> [[[[0., 1.], [0., 0.]]]]
        var x = Leaf([1, double.NaN, 3, 4], Shape.Of(1, 2, 2), DType.Float64);
        var y = Autodiff.Eval(MaxPool2d.Apply(x, 2));
        Assert.Equal(Shape.Of(1, 1, 1), y.Shape);
        Assert.True(double.IsNaN(y.Value[0]));
        Assert.Equal([0.0, 1, 0, 0], Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value.ToDoubles());
    }

    [Fact]
    public void Without_bias_convolution_records_two_inputs_and_unbatched_input_gives_unbatched_output()
    {
        var x = Leaf(Pattern(2 * 4 * 4, 7, 13, 6, 4), Shape.Of(2, 4, 4), DType.Float64);
        var w = Leaf(Pattern(3 * 2 * 3 * 3, 5, 11, 5, 8), Shape.Of(3, 2, 3, 3), DType.Float64);
        var y = Autodiff.Eval(Convolution.Apply(x, w, null, padding: 1));
        var batched = Autodiff.Eval(from x4 in Reshape.Unsqueeze(x, 0) from y4 in Convolution.Apply(x4, w, null, padding: 1) select y4);
        Assert.Equal(Shape.Of(3, 4, 4), y.Shape);
        Assert.Equal(2, ((OpNode)y.Node!).Arity);
        Assert.Equal(batched.Value.ToDoubles(), y.Value.ToDoubles());
    }

    [Fact]
    public void The_backward_primitives_have_pytorch_names_and_double_backward_records_them()
    {
        // x = torch.zeros(1, 1, 4, 4, requires_grad=True); y = F.max_pool2d(x, 2)
        // g, = torch.autograd.grad(y.sum(), x, create_graph=True); g.grad_fn -> <MaxPool2DWithIndicesBackwardBackward0>
        // (Nabla's backward primitive takes ȳ alone, so here the seed requires grad for the gradient to have a node.)
        var x = Leaf(Pattern(16, 3, 17, 8, 4), Shape.Of(1, 1, 4, 4), DType.Float64);
        var y = Autodiff.Eval(MaxPool2d.Apply(x, 2));
        var seed = Expr.Leaf(NdArray.Full(y.Shape, 1, DType.Float64));
        var g = Autodiff.Gradients(y, seed, new BackwardOptions(CreateGraph: true)).GradOf(x);
        Assert.Equal("MaxPool2DWithIndicesBackwardBackward0", g.Node!.Name);

        Assert.Equal("Im2ColBackward0", Autodiff.Eval(Im2Col.Apply(x, 2, 2)).Node!.Name);
        var cols = Leaf(new double[9 * 4], Shape.Of(9, 4), DType.Float64);
        Assert.Equal("Col2ImBackward0", Autodiff.Eval(Col2Im.Apply(cols, Shape.Of(1, 1, 4, 4), 2, 2)).Node!.Name);
        Assert.Equal("TakeBackward0", Autodiff.Eval(Take.Apply(x, [0, 5], Shape.Of(2))).Node!.Name);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Errors, with PyTorch 1.13's message above each check

    static string ConvError(Shape x, Shape w, Shape? b = null, int stride = 1, int padding = 0) =>
        Assert.ThrowsAny<ArgumentException>(() => Autodiff.Eval(Convolution.Apply(
            Expr.Constant(NdArray.Full(x, 0, DType.Float32)), Expr.Constant(NdArray.Full(w, 0, DType.Float32)),
            b is null ? null : Expr.Constant(NdArray.Full(b, 0, DType.Float32)), stride, padding))).Message;

    static string PoolError(Shape x, int kernel, int? stride = null) =>
        Assert.ThrowsAny<ArgumentException>(() => Autodiff.Eval(MaxPool2d.Apply(Expr.Constant(NdArray.Full(x, 0, DType.Float32)), kernel, stride))).Message;

    [Fact]
    public void Convolution_errors_say_what_is_wrong_in_pytorch_words()
    {
        // F.conv2d(torch.zeros(32,3,8,8), torch.zeros(16,1,3,3)) -> RuntimeError: Given groups=1, weight of size
        // [16, 1, 3, 3], expected input[32, 3, 8, 8] to have 1 channels, but got 3 channels instead
        Assert.Equal("conv2d: Given groups=1, weight of size [16, 1, 3, 3], expected input[32, 3, 8, 8] to have 1 channels, but got 3 channels instead",
                     ConvError(Shape.Of(32, 3, 8, 8), Shape.Of(16, 1, 3, 3)));
        // F.conv2d(torch.zeros(1,1,2,2), torch.zeros(16,1,3,3)) -> RuntimeError: Calculated padded input size per
        // channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size
        Assert.Equal("conv2d: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
                     ConvError(Shape.Of(1, 1, 2, 2), Shape.Of(16, 1, 3, 3)));
        // F.conv2d(torch.zeros(3,8), torch.zeros(16,3,3,3)) -> RuntimeError: Expected 3D (unbatched) or 4D (batched)
        // input to conv2d, but got input of size: [3, 8]
        Assert.Equal("conv2d: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [3, 8]",
                     ConvError(Shape.Of(3, 8), Shape.Of(16, 3, 3, 3)));
        // F.conv2d(torch.zeros(1,3,8,8), torch.zeros(16,3,3)) -> RuntimeError: expected stride to be a single integer
        // value or a list of 1 values to match the convolution dimensions, but got stride=[1, 1]   (Nabla says it plainly)
        Assert.Equal("conv2d: expected a 4-D weight [out_channels, in_channels, kH, kW], but got weight of size [16, 3, 3]",
                     ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(16, 3, 3)));
        // F.conv2d(..., stride=0) -> RuntimeError: non-positive stride is not supported
        Assert.Equal("conv2d: non-positive stride is not supported", ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(16, 3, 3, 3), stride: 0));
        // F.conv2d(..., padding=-1) -> RuntimeError: negative padding is not supported
        Assert.Equal("conv2d: negative padding is not supported", ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(16, 3, 3, 3), padding: -1));
        // F.conv2d(torch.zeros(1,3,8,8), torch.zeros(16,3,3,3), bias=torch.zeros(10)) -> RuntimeError: Given weight of
        // size [16, 3, 3, 3], expected bias to be 1-dimensional with 16 elements, but got bias of size [10] instead
        Assert.Equal("conv2d: Given weight of size [16, 3, 3, 3], expected bias to be 1-dimensional with 16 elements, but got bias of size [10] instead",
                     ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(16, 3, 3, 3), Shape.Of(10)));
        // bias=torch.zeros(16,1) -> ... but got bias of size [16, 1] instead
        Assert.EndsWith("but got bias of size [16, 1] instead", ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(16, 3, 3, 3), Shape.Of(16, 1)));
        // F.conv2d(torch.zeros(1,3,8,8), torch.zeros(0,3,3,3)) -> RuntimeError: Given groups=1, expected weight to be
        // at least 1 at dimension 0, but got weight of size [0, 3, 3, 3] instead
        Assert.Equal("conv2d: Given groups=1, expected weight to be at least 1 at dimension 0, but got weight of size [0, 3, 3, 3] instead",
                     ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(0, 3, 3, 3)));
        // F.conv2d(torch.zeros(1,3,8,8), torch.zeros(16,3,0,3)) -> RuntimeError: kernel size should be greater than
        // zero, but got kernel_height: 0 kernel_width: 3
        Assert.Equal("conv2d: kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 3",
                     ConvError(Shape.Of(1, 3, 8, 8), Shape.Of(16, 3, 0, 3)));
    }

    [Fact]
    public void Max_pool2d_errors_say_what_is_wrong_in_pytorch_words()
    {
        // F.max_pool2d(torch.zeros(1,16,2,2), 3) -> RuntimeError: Given input size: (16x2x2). Calculated output size:
        // (16x0x0). Output size is too small
        Assert.Equal("max_pool2d: Given input size: (16x2x2). Calculated output size: (16x0x0). Output size is too small",
                     PoolError(Shape.Of(1, 16, 2, 2), 3));
        // F.max_pool2d(torch.zeros(1,1,3,5), 4) -> RuntimeError: Given input size: (1x3x5). Calculated output size:
        // (1x0x1). Output size is too small
        Assert.Equal("max_pool2d: Given input size: (1x3x5). Calculated output size: (1x0x1). Output size is too small",
                     PoolError(Shape.Of(1, 3, 5), 4));
        // F.max_pool2d(torch.zeros(1,16,2,2), 0, 1) -> RuntimeError: kernel size should be greater than zero, but got kH: 0 kW: 0
        Assert.Equal("max_pool2d: kernel size should be greater than zero, but got kH: 0 kW: 0", PoolError(Shape.Of(1, 16, 2, 2), 0, 1));
        // F.max_pool2d(torch.zeros(1,16,2,2), 2, -1) -> RuntimeError: stride should be greater than zero, but got dH: -1 dW: -1
        Assert.Equal("max_pool2d: stride should be greater than zero, but got dH: -1 dW: -1", PoolError(Shape.Of(1, 16, 2, 2), 2, -1));
        // F.max_pool2d(torch.zeros(1,16,2,2), 2, 0) -> RuntimeError: stride should not be zero
        Assert.Equal("max_pool2d: stride should not be zero", PoolError(Shape.Of(1, 16, 2, 2), 2, 0));
        // F.max_pool2d(torch.zeros(2,2), 2) -> RuntimeError: non-empty 3D or 4D (batch mode) tensor expected for input
        Assert.StartsWith("max_pool2d: non-empty 3D or 4D (batch mode) tensor expected for input", PoolError(Shape.Of(2, 2), 2));
    }
}
