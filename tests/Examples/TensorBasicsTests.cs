namespace Nabla.Examples;

/// <summary>SEMANTICS.md "Tensors and backward": creation, leaves, requires_grad rules and Detach.</summary>
public class TensorBasicsTests
{
    [Fact]
    public void From_makes_a_plain_leaf()
    {
        // t = torch.tensor([1.,2.])
        var t = Tensor.From([1.0, 2.0]);

        // print(t, t.requires_grad, t.is_leaf, t.grad, t.grad_fn) -> tensor([1., 2.]) False True None None
        Assert.Equal("tensor([1., 2.])", t.ToString());
        Assert.False(t.RequiresGrad);
        Assert.True(t.IsLeaf);
        Assert.Null(t.Grad);
        Assert.Null(t.GradFn);
        Assert.Equal(new[] { 2 }, t.Shape);
        Assert.Equal(1, t.Rank);
        Assert.Equal(2, t.Numel);
        Assert.Equal(DType.Float32, t.DType);
        Assert.Equal(new[] { 1.0, 2.0 }, t.ToArray());
    }

    [Fact]
    public void Sum_with_only_b_requiring_grad_is_a_non_leaf()
    {
        // a = torch.tensor([1.,2.]); b = torch.tensor([3.,4.], requires_grad=True); c = a + b
        var a = Tensor.From([1.0, 2.0]);
        var b = Tensor.From([3.0, 4.0], requiresGrad: true);
        var c = a + b;

        // print(c) -> tensor([4., 6.], grad_fn=<AddBackward0>) ; c.requires_grad -> True ; c.is_leaf -> False
        Assert.Equal("tensor([4., 6.], grad_fn=<AddBackward0>)", c.ToString());
        Assert.True(c.RequiresGrad);
        Assert.False(c.IsLeaf);
        Assert.Equal("AddBackward0", c.GradFn?.Name);
    }

    [Fact]
    public void A_plus_a_without_grad_is_a_plain_leaf()
    {
        // d = a + a ; print(d) -> tensor([2., 4.]) ; d.requires_grad -> False ; d.is_leaf -> True ; d.grad_fn -> None
        var a = Tensor.From([1.0, 2.0]);
        var d = a + a;

        Assert.Equal("tensor([2., 4.])", d.ToString());
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        Assert.Null(d.GradFn);
    }

    [Fact]
    public void Setting_requires_grad_false_on_a_non_leaf_throws_PyTorch_message()
    {
        // x = torch.tensor([1.], requires_grad=True); y = x*2; y.requires_grad = False
        // -> RuntimeError: you can only change requires_grad flags of leaf variables. If you want to use a computed
        //    variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = x * 2;

        var e = Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
        Assert.Equal(
            "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a " +
            "subgraph that doesn't require differentiation use var_no_grad = var.detach().", e.Message);
        Assert.True(y.RequiresGrad);

        // y.requires_grad_(False) -> the same error
        var e2 = Assert.Throws<InvalidOperationException>(() => y.SetRequiresGrad(false));
        Assert.Equal(e.Message, e2.Message);
    }

    [Fact]
    public void Setting_requires_grad_true_on_a_non_leaf_is_allowed()
    {
        // y = x*2 ; r = y.requires_grad_(True)
        // r is y -> True ; y.requires_grad -> True ; y.is_leaf -> False ; print(y) -> tensor([2.], grad_fn=<MulBackward0>)
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = x * 2;

        var r = y.SetRequiresGrad(true);

        Assert.Same(y, r);
        Assert.True(y.RequiresGrad);
        Assert.False(y.IsLeaf);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());
    }

    [Fact]
    public void Assigning_requires_grad_true_on_a_non_leaf_is_refused_as_by_the_attribute()
    {
        // y = x*2 ; y.requires_grad = True
        // RuntimeError: you can only change requires_grad flags of leaf variables.
        // (only the method form, y.requires_grad_(True), is allowed on a non-leaf)
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = x * 2;

        var e = Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = true);

        Assert.Equal("you can only change requires_grad flags of leaf variables.", e.Message);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());
    }

    [Fact]
    public void Int64_cannot_require_grad()
    {
        // i = torch.tensor([1,2]); i.requires_grad = True
        // -> RuntimeError: only Tensors of floating point and complex dtype can require gradients
        var i = Tensor.From([1L, 2L]);

        Assert.Equal(DType.Int64, i.DType);
        var e = Assert.Throws<InvalidOperationException>(() => i.RequiresGrad = true);
        Assert.Equal("only Tensors of floating point and complex dtype can require gradients", e.Message);
        Assert.False(i.RequiresGrad);
        // print(i) -> tensor([1, 2])
        Assert.Equal("tensor([1, 2])", i.ToString());
    }

    [Fact]
    public void Requires_grad_can_be_turned_on_and_off_on_a_leaf()
    {
        // t = torch.tensor([1.,2.]); t.requires_grad_() ; print(t) -> tensor([1., 2.], requires_grad=True)
        var t = Tensor.From([1.0, 2.0]);
        Assert.Same(t, t.SetRequiresGrad());
        Assert.Equal("tensor([1., 2.], requires_grad=True)", t.ToString());
        Assert.True(t.IsLeaf);

        // t.requires_grad = False ; print(t) -> tensor([1., 2.])
        t.RequiresGrad = false;
        Assert.Equal("tensor([1., 2.])", t.ToString());
        Assert.True(t.IsLeaf);
    }

    [Fact]
    public void Detach_gives_a_plain_leaf_and_stops_gradients()
    {
        // x = torch.tensor([1.,2.], requires_grad=True); d = x.detach()
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var d = x.Detach();

        // print(d, d.requires_grad, d.is_leaf, d.grad_fn) -> tensor([1., 2.]) False True None
        Assert.Equal("tensor([1., 2.])", d.ToString());
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        Assert.Null(d.GradFn);

        // y = (x*d).sum(); y.backward(); print(x.grad, d.grad) -> tensor([1., 2.]) None
        (x * d).Sum().Backward();
        Assert.Equal("tensor([1., 2.])", x.Grad?.ToString());
        Assert.Null(d.Grad);
    }

    [Fact]
    public void Detach_of_a_non_leaf_cuts_the_graph()
    {
        // x = torch.tensor([3.], requires_grad=True); y = x*x; z = y.detach()*x; z.backward()
        // print(z) -> tensor([27.], grad_fn=<MulBackward0>) ; print(x.grad) -> tensor([9.])
        var x = Tensor.From([3.0], requiresGrad: true);
        var y = x * x;
        var z = y.Detach() * x;
        z.Backward();

        Assert.Equal("tensor([27.], grad_fn=<MulBackward0>)", z.ToString());
        Assert.Equal("tensor([9.])", x.Grad?.ToString());
    }

    [Fact]
    public void Item_of_a_one_element_tensor()
    {
        // torch.tensor([2.5]).item() -> 2.5 ; torch.tensor(29.).item() -> 29.0
        Assert.Equal(2.5, Tensor.From([2.5]).Item());
        Assert.Equal(29.0, Tensor.Scalar(29.0).Item());
    }
}
