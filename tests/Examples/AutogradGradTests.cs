namespace Nabla.Examples;

/// <summary>SEMANTICS.md rows for <c>torch.autograd.grad</c>: higher order with createGraph, unused inputs.</summary>
public class AutogradGradTests
{
    [Fact]
    public void Grad_of_x_cubed_with_create_graph_and_its_grad()
    {
        // x = torch.tensor(3., requires_grad=True)
        var x = Tensor.Scalar(3.0, requiresGrad: true);

        // g, = torch.autograd.grad([x**3], [x], create_graph=True)
        var g = Autograd.Grad([x.Pow(3)], [x], createGraph: true);

        // print(g, x.grad) -> tensor(27., grad_fn=<MulBackward0>) None
        Assert.Single(g);
        Assert.NotNull(g[0]);
        Assert.Equal(27.0, g[0]!.Item());
        Assert.NotNull(g[0]!.GradFn);
        Assert.True(g[0]!.RequiresGrad);
        Assert.StartsWith("tensor(27., grad_fn=<", g[0]!.ToString());
        Assert.Null(x.Grad);

        // g2, = torch.autograd.grad([g], [x]); print(g2, x.grad) -> tensor(18.) None
        var g2 = Autograd.Grad([g[0]!], [x]);
        Assert.Equal("tensor(18.)", g2[0]?.ToString());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Grad_of_x_cubed_has_PyTorchs_grad_fn_name()
    {
        // g, = torch.autograd.grad([x**3], [x], create_graph=True); print(g) -> tensor(27., grad_fn=<MulBackward0>)
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var g = Autograd.Grad([x.Pow(3)], [x], createGraph: true);
        Assert.Equal("tensor(27., grad_fn=<MulBackward0>)", g[0]?.ToString());
    }

    [Fact]
    public void Grad_without_create_graph_gives_plain_tensors()
    {
        // x = torch.tensor(3., requires_grad=True); g, = torch.autograd.grad([x**3], [x])
        // print(g, g.requires_grad, x.grad) -> tensor(27.) False None
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var g = Autograd.Grad([x.Pow(3)], [x]);

        Assert.Equal("tensor(27.)", g[0]?.ToString());
        Assert.False(g[0]!.RequiresGrad);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Unused_input_throws()
    {
        // x = torch.tensor(3., requires_grad=True); w = torch.tensor(1., requires_grad=True)
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var w = Tensor.Scalar(1.0, requiresGrad: true);

        // torch.autograd.grad([x*2], [x, w])
        // -> RuntimeError: One of the differentiated Tensors appears to not have been used in the graph.
        //    Set allow_unused=True if this is the desired behavior.
        var e = Assert.Throws<InvalidOperationException>(() => Autograd.Grad([x * 2], [x, w]));
        Assert.StartsWith(
            "One of the differentiated Tensors appears to not have been used in the graph. Set allowUnused: true",
            e.Message);
        Assert.Null(x.Grad);
        Assert.Null(w.Grad);
    }

    [Fact]
    public void Unused_input_with_allow_unused_gives_null()
    {
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var w = Tensor.Scalar(1.0, requiresGrad: true);

        // torch.autograd.grad([x*2], [x, w], allow_unused=True) -> (tensor(2.), None)
        var g = Autograd.Grad([x * 2], [x, w], allowUnused: true);
        Assert.Equal(2, g.Length);
        Assert.Equal("tensor(2.)", g[0]?.ToString());
        Assert.Null(g[1]);
        Assert.Null(x.Grad);
        Assert.Null(w.Grad);
    }

    [Fact]
    public void Grad_with_grad_outputs_for_a_non_scalar()
    {
        // x = torch.tensor([1.,2.], requires_grad=True)
        // torch.autograd.grad([x*x], [x], [torch.tensor([1.,10.])]) -> (tensor([ 2., 40.]),)
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var g = Autograd.Grad([x * x], [x], [Tensor.From([1.0, 10.0])]);

        Assert.Equal("tensor([ 2., 40.])", g[0]?.ToString());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Empty_inputs_and_a_tensor_as_its_own_grad_are_refused_in_PyTorchs_words()
    {
        var x = Tensor.Scalar(1.0, requiresGrad: true);
        // torch.autograd.grad(x*2, []) -> ValueError: grad requires non-empty inputs.
        var grad = Assert.Throws<ArgumentException>(() => Autograd.Grad([x * 2], []));
        Assert.StartsWith("grad requires non-empty inputs.", grad.Message);
        // (x*2).backward(inputs=[]) -> RuntimeError: 'inputs' argument to backward() cannot be empty.
        var backward = Assert.Throws<InvalidOperationException>(() => (x * 2).Backward(inputs: []));
        Assert.Equal("'inputs' argument to backward() cannot be empty.", backward.Message);
        // x.grad = x -> RuntimeError: can't assign Variable as its own grad
        var own = Assert.Throws<ArgumentException>(() => x.Grad = x);
        Assert.StartsWith("can't assign Variable as its own grad", own.Message);
        Assert.Null(x.Grad);
    }
}
