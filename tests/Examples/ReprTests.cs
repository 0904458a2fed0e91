namespace Nabla.Examples;

/// <summary>
/// ToString() against what PyTorch 1.13 prints (default print options). Nabla writes <c>dtype=float64</c> where
/// PyTorch writes <c>dtype=torch.float64</c> (API.md); everything else is character for character.
/// </summary>
public class ReprTests
{
    [Fact]
    public void Matrix()
    {
        // torch.tensor([[1.,2.,3.],[4.,5.,6.]]) -> tensor([[1., 2., 3.],
        //                                                  [4., 5., 6.]])
        Assert.Equal("tensor([[1., 2., 3.],\n        [4., 5., 6.]])",
            Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }).ToString());
    }

    [Fact]
    public void Three_dimensional()
    {
        // torch.tensor([[[1.,2.],[3.,4.]],[[5.,6.],[7.,8.]]]) ->
        // tensor([[[1., 2.],
        //          [3., 4.]],
        //
        //         [[5., 6.],
        //          [7., 8.]]])
        var t = Tensor.From([1.0, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
        Assert.Equal("tensor([[[1., 2.],\n         [3., 4.]],\n\n        [[5., 6.],\n         [7., 8.]]])", t.ToString());
    }

    [Fact]
    public void Zeros_matrix()
    {
        // torch.zeros(2,3) -> tensor([[0., 0., 0.],
        //                             [0., 0., 0.]])
        Assert.Equal("tensor([[0., 0., 0.],\n        [0., 0., 0.]])", Tensor.Zeros([2, 3]).ToString());
        // torch.full((3,), 7.) -> tensor([7., 7., 7.])
        Assert.Equal("tensor([7., 7., 7.])", Tensor.Full([3], 7.0).ToString());
    }

    [Fact]
    public void Negative_numbers_are_right_aligned()
    {
        // torch.tensor([[-1.5,2.25],[3.,-4.]]) -> tensor([[-1.5000,  2.2500],
        //                                                 [ 3.0000, -4.0000]])
        Assert.Equal("tensor([[-1.5000,  2.2500],\n        [ 3.0000, -4.0000]])",
            Tensor.From(new double[,] { { -1.5, 2.25 }, { 3, -4 } }).ToString());
        // torch.tensor(-3.) -> tensor(-3.)
        Assert.Equal("tensor(-3.)", Tensor.Scalar(-3.0).ToString());
        // torch.tensor([0.1234567, -12.5]) -> tensor([  0.1235, -12.5000])
        Assert.Equal("tensor([  0.1235, -12.5000])", Tensor.From([0.1234567, -12.5]).ToString());
    }

    [Fact]
    public void Negative_zero_in_integer_mode()
    {
        // torch.arange(12.).reshape(3,4)*-1 -> tensor([[ -0.,  -1.,  -2.,  -3.],
        //                                              [ -4.,  -5.,  -6.,  -7.],
        //                                              [ -8.,  -9., -10., -11.]])
        var t = Tensor.From([0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4]) * -1;
        Assert.Equal(
            "tensor([[ -0.,  -1.,  -2.,  -3.],\n        [ -4.,  -5.,  -6.,  -7.],\n        [ -8.,  -9., -10., -11.]])",
            t.ToString());
    }

    [Fact]
    public void Fixed_point_with_four_decimals()
    {
        // torch.tensor([1.5, 2.25]) -> tensor([1.5000, 2.2500])
        Assert.Equal("tensor([1.5000, 2.2500])", Tensor.From([1.5, 2.25]).ToString());
    }

    [Fact]
    public void Scientific_notation()
    {
        // torch.tensor([1e-5, 1.0, 1e5]) -> tensor([1.0000e-05, 1.0000e+00, 1.0000e+05])
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00, 1.0000e+05])", Tensor.From([1e-5, 1.0, 1e5]).ToString());
        // torch.tensor([1e10, 2.0]) -> tensor([1.0000e+10, 2.0000e+00])
        Assert.Equal("tensor([1.0000e+10, 2.0000e+00])", Tensor.From([1e10, 2.0]).ToString());
        // torch.tensor([123456789.0]) -> tensor([1.2346e+08])
        Assert.Equal("tensor([1.2346e+08])", Tensor.From([123456789.0]).ToString());
        // torch.tensor(1e-5) -> tensor(1.0000e-05)
        Assert.Equal("tensor(1.0000e-05)", Tensor.Scalar(1e-5).ToString());
        // torch.tensor([-0.5, 0.0, 1000.0]) -> tensor([-5.0000e-01,  0.0000e+00,  1.0000e+03])
        Assert.Equal("tensor([-5.0000e-01,  0.0000e+00,  1.0000e+03])", Tensor.From([-0.5, 0.0, 1000.0]).ToString());
        // torch.tensor([1e-5, 2e-5], requires_grad=True)*1 -> tensor([1.0000e-05, 2.0000e-05], grad_fn=<MulBackward0>)
        Assert.Equal("tensor([1.0000e-05, 2.0000e-05], grad_fn=<MulBackward0>)",
            (Tensor.From([1e-5, 2e-5], requiresGrad: true) * 1).ToString());
    }

    [Fact]
    public void Non_finite_values()
    {
        // torch.tensor([nan, inf, -inf, 1.]) -> tensor([nan, inf, -inf, 1.])
        Assert.Equal("tensor([nan, inf, -inf, 1.])",
            Tensor.From([double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0]).ToString());
    }

    [Fact]
    public void Int64()
    {
        // torch.tensor([1,2]) -> tensor([1, 2])
        Assert.Equal("tensor([1, 2])", Tensor.From([1L, 2L]).ToString());
        // torch.tensor([[1,-20],[300,4]]) -> tensor([[  1, -20],
        //                                            [300,   4]])
        Assert.Equal("tensor([[  1, -20],\n        [300,   4]])", Tensor.From([1L, -20L, 300L, 4L], [2, 2]).ToString());
        // torch.tensor([1,2]) + torch.tensor([2,4]) -> tensor([3, 6])
        var sum = Tensor.From([1L, 2L]) + Tensor.From([2L, 4L]);
        Assert.Equal(DType.Int64, sum.DType);
        Assert.Equal("tensor([3, 6])", sum.ToString());
        // the facade's scalar operands are doubles, as a Python float:
        // torch.tensor([1,2]) * 3.0 -> tensor([3., 6.])
        var tripled = Tensor.From([1L, 2L]) * 3.0;
        Assert.Equal(DType.Float32, tripled.DType);
        Assert.Equal("tensor([3., 6.])", tripled.ToString());
    }

    [Fact]
    public void Float64()
    {
        // torch.tensor(2., dtype=torch.float64, requires_grad=True) -> tensor(2., dtype=torch.float64, requires_grad=True)
        Assert.Equal("tensor(2., dtype=float64, requires_grad=True)",
            Tensor.Scalar(2.0, requiresGrad: true, dtype: DType.Float64).ToString());
        // torch.tensor([0.1,0.2], dtype=torch.float64) -> tensor([0.1000, 0.2000], dtype=torch.float64)
        Assert.Equal("tensor([0.1000, 0.2000], dtype=float64)", Tensor.From([0.1, 0.2], dtype: DType.Float64).ToString());
        // torch.tensor([[1.,2.],[3.,4.]], dtype=torch.float64, requires_grad=True) ->
        // tensor([[1., 2.],
        //         [3., 4.]], dtype=torch.float64, requires_grad=True)
        Assert.Equal("tensor([[1., 2.],\n        [3., 4.]], dtype=float64, requires_grad=True)",
            Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true, dtype: DType.Float64).ToString());
        // torch.ones(2,2, dtype=torch.float64).sum() -> tensor(4., dtype=torch.float64)
        Assert.Equal("tensor(4., dtype=float64)", Tensor.Ones([2, 2], dtype: DType.Float64).Sum().ToString());
        // torch.tensor(2.5, dtype=torch.float64) -> tensor(2.5000, dtype=torch.float64)
        Assert.Equal("tensor(2.5000, dtype=float64)", Tensor.Scalar(2.5, dtype: DType.Float64).ToString());
    }

    [Fact]
    public void Long_vector_wraps_at_80_columns()
    {
        // torch.arange(20.)*1.5 ->
        // tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,
        //         12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,
        //         24.0000, 25.5000, 27.0000, 28.5000])
        var t = Tensor.From(Enumerable.Range(0, 20).Select(i => (double)i).ToArray()) * 1.5;
        Assert.Equal(
            "tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n" +
            "        12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n" +
            "        24.0000, 25.5000, 27.0000, 28.5000])",
            t.ToString());
    }

    [Fact]
    public void More_than_1000_elements_are_summarised()
    {
        // torch.arange(2000.) ->
        // tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,
        //         1.9990e+03])
        var t = Tensor.From(Enumerable.Range(0, 2000).Select(i => (double)i).ToArray());
        Assert.Equal(
            "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n" +
            "        1.9990e+03])",
            t.ToString());
    }

    [Fact]
    public void Matrix_with_grad_fn()
    {
        // torch.tensor([[1.,2.],[3.,4.]], requires_grad=True)*2 -> tensor([[2., 4.],
        //                                                                  [6., 8.]], grad_fn=<MulBackward0>)
        var m = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true) * 2;
        Assert.Equal("tensor([[2., 4.],\n        [6., 8.]], grad_fn=<MulBackward0>)", m.ToString());
    }

    [Fact]
    public void Detached_tensors_print_without_suffix()
    {
        // x = torch.tensor([1.,2.], requires_grad=True)
        // x.detach() -> tensor([1., 2.]) ; x.to(torch.float64).detach() -> tensor([1., 2.], dtype=torch.float64)
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        Assert.Equal("tensor([1., 2.])", x.Detach().ToString());
        Assert.Equal("tensor([1., 2.], dtype=float64)", x.To(DType.Float64).Detach().ToString());
    }
}
