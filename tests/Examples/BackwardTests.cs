namespace Nabla.Examples;

/// <summary>SEMANTICS.md "Tensors and backward": accumulation, seeds, freed graphs, dtypes and broadcasting.</summary>
public class BackwardTests
{
    [Fact]
    public void Grad_accumulates_across_backward_calls_and_resets_with_null()
    {
        // x = torch.tensor([1.,2.,3.], requires_grad=True); y = (x*x).sum()
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        var y = (x * x).Sum();

        // y.backward(retain_graph=True); print(x.grad) -> tensor([2., 4., 6.])
        y.Backward(retainGraph: true);
        Assert.Equal("tensor([2., 4., 6.])", x.Grad?.ToString());

        // y.backward(); print(x.grad) -> tensor([ 4.,  8., 12.])
        y.Backward();
        Assert.Equal("tensor([ 4.,  8., 12.])", x.Grad?.ToString());
        Assert.Equal(new[] { 4.0, 8.0, 12.0 }, x.Grad!.ToArray());

        // x.grad = None; (x*3).sum().backward(); print(x.grad) -> tensor([3., 3., 3.])
        x.Grad = null;
        Assert.Null(x.Grad);
        (x * 3).Sum().Backward();
        Assert.Equal("tensor([3., 3., 3.])", x.Grad?.ToString());
    }

    [Fact]
    public void Backward_on_a_non_scalar_needs_a_gradient()
    {
        // x = torch.tensor([1.,2.], requires_grad=True); (x*2).backward()
        // -> RuntimeError: grad can be implicitly created only for scalar outputs
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);

        var e = Assert.Throws<InvalidOperationException>(() => (x * 2).Backward());
        Assert.Equal("grad can be implicitly created only for scalar outputs", e.Message);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Backward_with_an_explicit_gradient()
    {
        // (x*2).backward(torch.tensor([1.,10.])); print(x.grad) -> tensor([ 2., 20.])
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);

        (x * 2).Backward(Tensor.From([1.0, 10.0]));

        Assert.Equal("tensor([ 2., 20.])", x.Grad?.ToString());
        Assert.Equal(new[] { 2.0, 20.0 }, x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_with_a_gradient_of_the_wrong_shape_names_both_shapes()
    {
        // (x*2).backward(torch.tensor([1.,2.,3.]))
        // -> RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a
        //    shape of torch.Size([2]).
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);

        var e = Assert.Throws<ArgumentException>(() => (x * 2).Backward(Tensor.From([1.0, 2.0, 3.0])));
        Assert.StartsWith("Mismatch in shape: grad_output[0] has a shape of ", e.Message);
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[2]", e.Message);
        Assert.True(e.Message.IndexOf("[3]", StringComparison.Ordinal) < e.Message.IndexOf("[2]", StringComparison.Ordinal));
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Second_backward_through_freed_saved_values_throws()
    {
        // x = torch.tensor([1.], requires_grad=True); y = (x*x).sum(); y.backward(); y.backward()
        // -> RuntimeError: Trying to backward through the graph a second time (or directly access saved tensors
        //    after they have already been freed). ... Specify retain_graph=True if you need to backward through the
        //    graph a second time ...
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = (x * x).Sum();
        y.Backward();

        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.StartsWith("Trying to backward through the graph a second time", e.Message);
        Assert.Contains("retainGraph: true", e.Message);
        // the first backward's gradient is still there: tensor([2.])
        Assert.Equal("tensor([2.])", x.Grad?.ToString());
    }

    [Fact]
    public void A_graph_that_saved_nothing_may_be_run_again()
    {
        // y = (x+1).sum(); y.backward(); y.backward(); print(x.grad) -> tensor([2.])
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = (x + 1).Sum();

        y.Backward();
        y.Backward();

        Assert.Equal("tensor([2.])", x.Grad?.ToString());
    }

    [Fact]
    public void Float64_leaf_gets_a_float64_grad_of_its_shape()
    {
        // x = torch.tensor([1.,2.], dtype=torch.float64, requires_grad=True); (x*x).sum().backward()
        var x = Tensor.From([1.0, 2.0], requiresGrad: true, dtype: DType.Float64);
        (x * x).Sum().Backward();

        // print(x) -> tensor([1., 2.], dtype=torch.float64, requires_grad=True)
        Assert.Equal("tensor([1., 2.], dtype=float64, requires_grad=True)", x.ToString());
        // print(x.grad, x.grad.dtype, x.grad.shape) -> tensor([2., 4.], dtype=torch.float64) torch.float64 torch.Size([2])
        Assert.Equal("tensor([2., 4.], dtype=float64)", x.Grad?.ToString());
        Assert.Equal(DType.Float64, x.Grad!.DType);
        Assert.Equal(new[] { 2 }, x.Grad.Shape);
    }

    [Fact]
    public void Float32_leaf_behind_a_cast_to_float64_gets_a_float32_grad()
    {
        // x = torch.tensor([1.,2.], requires_grad=True); y = x.to(torch.float64); (y*y).sum().backward()
        // print(x.grad) -> tensor([2., 4.]) ; x.grad.dtype -> torch.float32
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = x.To(DType.Float64);
        (y * y).Sum().Backward();

        Assert.Equal("tensor([2., 4.])", x.Grad?.ToString());
        Assert.Equal(DType.Float32, x.Grad!.DType);
    }

    [Fact]
    public void Broadcast_gradients_are_reduced_to_each_inputs_shape()
    {
        // a = torch.tensor([[1.,2.,3.],[4.,5.,6.]], requires_grad=True)
        // b = torch.tensor([10.,20.,30.], requires_grad=True); s = torch.tensor(2., requires_grad=True)
        // (a*b*s).sum().backward()
        var a = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, requiresGrad: true);
        var b = Tensor.From([10.0, 20.0, 30.0], requiresGrad: true);
        var s = Tensor.Scalar(2.0, requiresGrad: true);
        (a * b * s).Sum().Backward();

        // print(a.grad) -> tensor([[20., 40., 60.],
        //                          [20., 40., 60.]])
        Assert.Equal("tensor([[20., 40., 60.],\n        [20., 40., 60.]])", a.Grad?.ToString());
        Assert.Equal(new[] { 2, 3 }, a.Grad!.Shape);
        // print(b.grad) -> tensor([10., 14., 18.])
        Assert.Equal("tensor([10., 14., 18.])", b.Grad?.ToString());
        Assert.Equal(new[] { 3 }, b.Grad!.Shape);
        // print(s.grad) -> tensor(460.)
        Assert.Equal("tensor(460.)", s.Grad?.ToString());
        Assert.Empty(s.Grad!.Shape);
    }

    [Fact]
    public void Broadcast_column_plus_row()
    {
        // c = torch.tensor([[1.],[2.]], requires_grad=True); d = torch.tensor([1.,2.,3.], requires_grad=True)
        // (c+d).sum().backward()
        var c = Tensor.From(new double[,] { { 1 }, { 2 } }, requiresGrad: true);
        var d = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        var sum = c + d;
        Assert.Equal(new[] { 2, 3 }, sum.Shape);
        sum.Sum().Backward();

        // print(c.grad) -> tensor([[3.],
        //                          [3.]])
        Assert.Equal("tensor([[3.],\n        [3.]])", c.Grad?.ToString());
        // print(d.grad) -> tensor([2., 2., 2.])
        Assert.Equal("tensor([2., 2., 2.])", d.Grad?.ToString());
    }

    [Fact]
    public void Backward_of_a_shared_subexpression_sums_both_paths()
    {
        // x = torch.tensor(3., requires_grad=True); y = x*x; z = y + y*x; z.backward()
        // print(z) -> tensor(36., grad_fn=<AddBackward0>) ; print(x.grad) -> tensor(33.)
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var y = x * x;
        var z = y + y * x;
        z.Backward();

        Assert.Equal("tensor(36., grad_fn=<AddBackward0>)", z.ToString());
        Assert.Equal("tensor(33.)", x.Grad?.ToString());
    }

    [Fact]
    public void Backward_through_matmul_transpose_and_mean()
    {
        // w = torch.tensor([[1.,2.],[3.,4.]], requires_grad=True); v = torch.tensor([[1.],[1.]])
        // loss = w.t().matmul(v).mean(); loss.backward()
        // print(loss) -> tensor(5., grad_fn=<MeanBackward0>) ; print(w.grad) -> tensor([[0.5000, 0.5000],
        //                                                                              [0.5000, 0.5000]])
        var w = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true);
        var v = Tensor.From(new double[,] { { 1 }, { 1 } });
        var loss = w.T().MatMul(v).Mean();
        loss.Backward();

        Assert.Equal("tensor(5., grad_fn=<MeanBackward0>)", loss.ToString());
        Assert.Equal("tensor([[0.5000, 0.5000],\n        [0.5000, 0.5000]])", w.Grad?.ToString());
    }

    [Fact]
    public void Backward_on_a_tensor_that_does_not_require_grad_throws()
    {
        // torch.tensor([1.,2.]).sum().backward()
        // -> RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
        var t = Tensor.From([1.0, 2.0]);
        var e = Assert.Throws<InvalidOperationException>(() => t.Sum().Backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", e.Message);
    }

    [Fact]
    public void Grad_of_leaves_not_reached_stays_null()
    {
        // x = torch.tensor([1.], requires_grad=True); w = torch.tensor([1.], requires_grad=True)
        // (x*2).sum().backward(); print(w.grad) -> None
        var x = Tensor.From([1.0], requiresGrad: true);
        var w = Tensor.From([1.0], requiresGrad: true);
        (x * 2).Sum().Backward();

        Assert.Equal("tensor([2.])", x.Grad?.ToString());
        Assert.Null(w.Grad);
    }
    [Fact]
    public void Backward_with_inputs_accumulates_only_into_those()
    {
        // x = torch.tensor([1.,2.], requires_grad=True); y = torch.tensor([3.,4.], requires_grad=True)
        // (x*y).sum().backward(inputs=[x]); print(x.grad, y.grad) -> tensor([3., 4.]) None
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = Tensor.From([3.0, 4.0], requiresGrad: true);
        (x * y).Sum().Backward(inputs: [x]);

        Assert.Equal("tensor([3., 4.])", x.Grad?.ToString());
        Assert.Null(y.Grad);
    }

    [Fact]
    public void Backward_with_create_graph_gives_a_differentiable_grad()
    {
        // x = torch.tensor(3., requires_grad=True); (x**3).backward(create_graph=True)
        // print(x.grad, x.grad.requires_grad) -> tensor(27., grad_fn=<CopyBackwards>) True
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        x.Pow(3).Backward(createGraph: true);

        Assert.Equal(27.0, x.Grad!.Item());
        Assert.True(x.Grad.RequiresGrad);
        Assert.NotNull(x.Grad.GradFn);

        // g = x.grad; x.grad = None; g.backward(); print(x.grad) -> tensor(18.)
        var g = x.Grad;
        x.Grad = null;
        g.Backward();
        Assert.Equal("tensor(18.)", x.Grad?.ToString());
    }
}
