namespace Nabla.Examples;

/// <summary>
/// Shapes at the limits of an int: a tensor without elements may have other sizes whose product overflows (PyTorch allows
/// <c>torch.zeros(0, 2**20, 2**20)</c>, and every op on it); a shape with more elements than one .NET array can hold
/// (Array.MaxLength, 2³¹ − 57) is an ArgumentException naming the shape, never an OverflowException,
/// OutOfMemoryException ("Array dimensions exceeded supported range") or IndexOutOfRangeException.
/// PyTorch 1.13 has no such limit: for those shapes it tries to allocate and fails with "DefaultCPUAllocator: not enough
/// memory: you tried to allocate 17179869184 bytes" (a RuntimeError). Null arrays and shapes are ArgumentNullException
/// naming the parameter. PyTorch's outputs are printed by bench/torch/edge_reference.py.
/// </summary>
public class ShapeLimitTests
{
    const int Big = 1 << 20;

    static void Shaped(int[] expected, Tensor t) => Assert.Equal(expected, t.Shape);

    [Fact]
    public void A_tensor_without_elements_may_have_sizes_whose_product_overflows()
    {
        // z = torch.zeros(0, 2**20, 2**20); z -> tensor([], size=(0, 1048576, 1048576)); z.sum(), z.mean() -> tensor(0.) tensor(nan)
        var z = Tensor.Zeros([0, Big, Big]);
        Assert.Equal("tensor([], size=(0, 1048576, 1048576))", z.ToString());
        Assert.Equal(0, z.Numel);
        Assert.Equal("tensor(0.)", z.Sum().ToString());
        Assert.Equal("tensor(nan)", z.Mean().ToString());
        // z.sum(1).shape, z.sum(2).shape -> [0, 1048576] twice
        Shaped([0, Big], z.Sum(1));
        Shaped([0, Big], z.Sum(2));
        Shaped([0, Big], z.Mean(1, keepDim: false));
        // z.reshape(-1), z.reshape(2**20, 0, 2**20), z.reshape(2**20, -1) -> [0], [1048576, 0, 1048576], [1048576, 0]
        Shaped([0], z.Reshape(-1));
        Shaped([Big, 0, Big], z.Reshape(Big, 0, Big));
        Shaped([Big, 0], z.Reshape(Big, -1));
        // z.reshape(0, -1) -> RuntimeError: cannot reshape tensor of 0 elements into shape [0, -1] because the
        // unspecified dimension size -1 can be any value and is ambiguous
        Assert.Contains("cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1 can be any value and is ambiguous",
                        Assert.Throws<ArgumentException>(() => z.Reshape(0, -1)).Message);
        // z + 1, z * z, z + torch.zeros(2**20), z.exp(), z.double(), z.softmax(2), z.softmax(0): all [0, 1048576, 1048576]
        foreach (var r in new[] { z + 1, z * z, z + Tensor.Zeros([Big]), z.Exp(), z.To(DType.Float64), z.Softmax(2), z.Softmax(0), z.Clone() })
            Shaped([0, Big, Big], r);
        // z.transpose(0, 2), z.unsqueeze(1), z.argmax(1) -> [1048576, 1048576, 0], [0, 1, 1048576, 1048576], [0, 1048576]
        Shaped([Big, Big, 0], z.Transpose(0, 2));
        Shaped([0, 1, Big, Big], z.Unsqueeze(1));
        Shaped([0, Big], z.ArgMax(1));
        // z.matmul(torch.zeros(2**20, 2)) -> [0, 1048576, 2]
        Shaped([0, Big, 2], z.MatMul(Tensor.Zeros([Big, 2])));
        // z.max() -> RuntimeError: max(): Expected reduction dim to be specified for input.numel() == 0. ...
        Assert.StartsWith("max(): Expected reduction dim to be specified for input.numel() == 0.", Assert.Throws<ArgumentException>(() => z.Max()).Message);
        Assert.Empty(z.ToArray());
        Assert.Empty(Tensor.Zeros([0, Big, Big], dtype: DType.Int64).ToInt64Array());
    }

    [Fact]
    public void The_zero_may_come_last_and_gradients_flow()
    {
        // y = torch.zeros(2**20, 2**20, 0): y.sum(), y.sum(1).shape, y[0].shape, y.mean(1).shape, y.softmax(0).shape
        //   -> tensor(0.) [1048576, 0] [1048576, 0] [1048576, 0] [1048576, 1048576, 0]
        var y = Tensor.Zeros([Big, Big, 0]);
        Assert.Equal("tensor(0.)", y.Sum().ToString());
        Shaped([Big, 0], y.Sum(1));
        Shaped([Big, 0], y[0]);
        Shaped([Big, 0], y.Mean(1));
        Shaped([Big, Big, 0], y.Softmax(0));
        Shaped([Big, Big, 0], y.Softmax(2));
        // y.matmul(torch.zeros(0, 0)).shape -> [1048576, 1048576, 0]
        Shaped([Big, Big, 0], y.MatMul(Tensor.Zeros([0, 0])));
        // w = torch.zeros(0, 2**20, 2**20, requires_grad=True); (w * 2).sum().backward(); w.grad.shape -> [0, 1048576, 1048576]
        var w = Tensor.Zeros([0, Big, Big], requiresGrad: true);
        (w * 2).Sum().Backward();
        Shaped([0, Big, Big], w.Grad!);
        var v = Tensor.Zeros([Big, Big, 0], requiresGrad: true);
        (v.Exp() * v).Sum(1).Sum().Backward();
        Shaped([Big, Big, 0], v.Grad!);
    }

    /// <summary>Fails unless <paramref name="make"/> throws an ArgumentException (not a subclass) whose message names <paramref name="shape"/>.</summary>
    static void TooLarge(string shape, string elements, Func<object> make)
    {
        var e = Assert.Throws<ArgumentException>(make);
        Assert.Contains($"shape {shape} has {elements} elements, more than a tensor can hold (2147483591)", e.Message);
    }

    [Fact]
    public void More_elements_than_a_tensor_can_hold_is_an_argument_exception_naming_the_shape()
    {
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Eye(65536));
        TooLarge("[46341, 46341]", "2147488281", () => Tensor.Eye(46341));   // the smallest n whose n² overflows an int
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Zeros([65536, 65536]));
        TooLarge("[65536, 65536, 65536]", "281474976710656", () => Tensor.Ones([65536, 65536, 65536]));
        TooLarge("[2147483647, 2]", "4294967294", () => Tensor.Full([int.MaxValue, 2], 1.5));
        // Fits an int but not a .NET array: new float[2147483592] throws OutOfMemoryException whatever the memory.
        TooLarge("[2147483592]", "2147483592", () => Tensor.Zeros([Array.MaxLength + 1]));
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Randn([65536, 65536], seed: 0));
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Rand([65536, 65536], seed: 0));
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.From([1.0], [65536, 65536]));
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.From([1L], [65536, 65536]));
        // Shapes that ops produce: a reshape, a broadcast, a matrix product, a reduction of an empty tensor's dimension.
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Zeros([4]).Reshape(65536, 65536));
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Zeros([65536, 1]) + Tensor.Zeros([1, 65536]));
        TooLarge("[65536, 65536]", "4294967296", () => Tensor.Zeros([65536, 1]).MatMul(Tensor.Zeros([1, 65536])));
        TooLarge("[2, 65536, 65536]", "8589934592", () => Tensor.Zeros([2, 65536, 1]).MatMul(Tensor.Zeros([1, 65536])));
        TooLarge("[1048576, 1048576]", "1099511627776", () => Tensor.Zeros([0, Big, Big]).Sum(0));
        // An inferred size past any tensor's is a plain mismatch: torch.zeros(4).reshape(-1, 65536, 65536) ->
        // RuntimeError: shape '[-1, 65536, 65536]' is invalid for input of size 4
        Assert.Contains("[-1, 65536, 65536] is invalid for input of shape [4] (size 4)",
                        Assert.Throws<ArgumentException>(() => Tensor.Zeros([4]).Reshape(-1, 65536, 65536)).Message);
        // torch.zeros(0).reshape(65536, 65536, -1).shape -> [65536, 65536, 0]: the inferred size is 0 however large the rest
        Shaped([65536, 65536, 0], Tensor.Zeros([0]).Reshape(65536, 65536, -1));
        // A 2-D array without elements keeps its other size: torch.tensor(numpy.zeros((2**20, 0))).shape -> [1048576, 0]
        Shaped([Big, 0], Tensor.From(new double[Big, 0]));
    }

    [Fact]
    public void Null_arrays_and_shapes_are_argument_null_exceptions_naming_the_parameter()
    {
        static void Null(string parameter, Func<object> make) =>
            Assert.Equal(parameter, Assert.Throws<ArgumentNullException>(make).ParamName);

        Null("data", () => Tensor.From((double[])null!));
        Null("data", () => Tensor.From((double[,])null!));
        Null("data", () => Tensor.From((double[])null!, [1]));
        Null("data", () => Tensor.From((float[])null!, [1]));
        Null("data", () => Tensor.From((long[])null!));
        Null("data", () => Tensor.From((long[])null!, [1]));
        Null("shape", () => Tensor.From([1.0], (int[])null!));
        Null("shape", () => Tensor.From([1f], null!));
        Null("shape", () => Tensor.Zeros(null!));
        Null("shape", () => Tensor.Ones(null!));
        Null("shape", () => Tensor.Full(null!, 1));
        Null("shape", () => Tensor.Randn(null!, seed: 0));
        Null("shape", () => Tensor.Rand(null!, seed: 0));
        Null("shape", () => Tensor.Ones([2]).Reshape(null!));
        // The shape of From(long[]) is optional: null means 1-D.
        Shaped([2], Tensor.From([1L, 2], null));
    }

    [Fact]
    public void A_stacked_product_over_an_empty_inner_dimension_is_zeros()
    {
        // torch.zeros(2, 3, 0) @ torch.zeros(0, 4), torch.zeros(2, 3, 0) @ torch.zeros(0) -> zeros of [2, 3, 4] and [2, 3]
        // (the rows folded into one matrix were counted as numel / k with k = 0: none instead of six)
        Assert.Equal(new double[24], Tensor.Zeros([2, 3, 0]).MatMul(Tensor.Zeros([0, 4])).ToArray());
        Shaped([2, 3, 4], Tensor.Zeros([2, 3, 0]).MatMul(Tensor.Zeros([0, 4])));
        Shaped([2, 3], Tensor.Zeros([2, 3, 0]).MatMul(Tensor.Zeros([0])));
        Assert.Equal(new long[6], Tensor.From(new long[0], [2, 3, 0]).MatMul(Tensor.From(new long[0], [0])).ToInt64Array());
        // a = torch.zeros(2, 3, 0, requires_grad=True); b = torch.zeros(0, 4, requires_grad=True); (a @ b).sum().backward()
        // a.grad.shape, b.grad.shape -> [2, 3, 0] [0, 4]
        var a = Tensor.Zeros([2, 3, 0], requiresGrad: true);
        var b = Tensor.Zeros([0, 4], requiresGrad: true);
        a.MatMul(b).Sum().Backward();
        Shaped([2, 3, 0], a.Grad!);
        Shaped([0, 4], b.Grad!);
    }
}
