namespace Nabla.Examples;

/// <summary>Tutorial 003 (tensors remember where they come from): requires_grad, .grad and backward.</summary>
public class SeedSumOfSquaresTests
{
    [Fact]
    public void Params_require_grad_and_have_no_grad_at_first()
    {
        // params = torch.tensor([1.0, 0.0], requires_grad=True)
        var parameters = Tensor.From([1.0, 0.0], requiresGrad: true);

        // print(params)       -> tensor([1., 0.], requires_grad=True)
        Assert.Equal("tensor([1., 0.], requires_grad=True)", parameters.ToString());
        Assert.True(parameters.RequiresGrad);
        Assert.True(parameters.IsLeaf);
        Assert.Null(parameters.GradFn);
        // print(params.grad)  -> None
        Assert.Null(parameters.Grad);
    }

    [Fact]
    public void Sum_of_squares_prints_29_with_AddBackward0()
    {
        // x = torch.tensor(2.0, requires_grad=True); y = ...(3.0...); z = ...(4.0...)
        var x = Tensor.Scalar(2.0, requiresGrad: true);
        var y = Tensor.Scalar(3.0, requiresGrad: true);
        var z = Tensor.Scalar(4.0, requiresGrad: true);

        // f = x**2+y**2+z**2; print(f) -> tensor(29., grad_fn=<AddBackward0>)
        var f = x.Pow(2) + y.Pow(2) + z.Pow(2);

        Assert.Equal("tensor(29., grad_fn=<AddBackward0>)", f.ToString());
        Assert.Equal("AddBackward0", f.GradFn?.Name);
        Assert.False(f.IsLeaf);
        Assert.Empty(f.Shape);
        // before backward every .grad is None
        Assert.Null(x.Grad);
        Assert.Null(y.Grad);
        Assert.Null(z.Grad);
    }

    [Fact]
    public void Sum_of_squares_backward_gives_4_6_8()
    {
        var x = Tensor.Scalar(2.0, requiresGrad: true);
        var y = Tensor.Scalar(3.0, requiresGrad: true);
        var z = Tensor.Scalar(4.0, requiresGrad: true);
        var f = x.Pow(2) + y.Pow(2) + z.Pow(2);

        // f.backward()
        f.Backward();

        // print(x.grad, y.grad, z.grad, f)
        // -> tensor(4.) tensor(6.) tensor(8.) tensor(29., grad_fn=<AddBackward0>)
        Assert.Equal("tensor(4.)", x.Grad?.ToString());
        Assert.Equal("tensor(6.)", y.Grad?.ToString());
        Assert.Equal("tensor(8.)", z.Grad?.ToString());
        Assert.Equal("tensor(29., grad_fn=<AddBackward0>)", f.ToString());
        Assert.Equal(4.0, x.Grad!.Item());
        Assert.Equal(6.0, y.Grad!.Item());
        Assert.Equal(8.0, z.Grad!.Item());
        // the gradients themselves are plain tensors: x.grad.requires_grad -> False, x.grad.grad_fn -> None
        Assert.False(x.Grad.RequiresGrad);
        Assert.Null(x.Grad.GradFn);
    }
}
