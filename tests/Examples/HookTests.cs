namespace Nabla.Examples;

/// <summary>SEMANTICS.md's RetainGrad and hook rows, with PyTorch 1.13's output beside each assertion.</summary>
public class HookTests
{
    [Fact]
    public void RetainGrad_fills_a_non_leafs_grad()
    {
        // x = torch.tensor([1.,2.,3.], requires_grad=True); h = x*3; h.retain_grad(); (h*h).sum().backward()
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        var h = x * 3;
        h.RetainGrad();
        (h * h).Sum().Backward();
        // h.grad, x.grad, h.retains_grad, x.retains_grad -> tensor([ 6., 12., 18.]) tensor([18., 36., 54.]) True False
        Assert.Equal("tensor([ 6., 12., 18.])", h.Grad?.ToString());
        Assert.Equal("tensor([18., 36., 54.])", x.Grad?.ToString());
        Assert.True(h.RetainsGrad);
        Assert.False(x.RetainsGrad);
        // Without RetainGrad a non-leaf's grad stays null.
        var k = x * 2;
        k.Sum().Backward();
        Assert.Null(k.Grad);
        // torch.tensor([1.]).retain_grad() -> RuntimeError: can't retain_grad on Tensor that has requires_grad=False
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.From([1.0]).RetainGrad());
        Assert.Equal("can't retain_grad on Tensor that has requires_grad=False", e.Message);
    }

    [Fact]
    public void Hooks_see_replace_and_are_removed()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var seen = new List<string>();
        // x.register_hook(lambda g: seen.append(g)); (x*3).sum().backward() -> seen [tensor([3., 3.])], x.grad tensor([3., 3.])
        var watching = x.RegisterHook(g => { seen.Add(g.ToString()); return null; });
        (x * 3).Sum().Backward();
        Assert.Equal(["tensor([3., 3.])"], seen);
        Assert.Equal("tensor([3., 3.])", x.Grad?.ToString());

        // a hook returning g*10 -> tensor([30., 30.]); removed -> tensor([3., 3.])
        x.Grad = null;
        watching.Dispose();
        var scaling = x.RegisterHook(g => g * 10);
        (x * 3).Sum().Backward();
        Assert.Equal("tensor([30., 30.])", x.Grad?.ToString());
        scaling.Dispose();
        x.Grad = null;
        (x * 3).Sum().Backward();
        Assert.Equal("tensor([3., 3.])", x.Grad?.ToString());
        Assert.Single(seen);
    }

    [Fact]
    public void A_hook_on_a_non_leaf_changes_what_flows_below_it()
    {
        // y = torch.tensor([1.,2.], requires_grad=True); z = y*2; z.register_hook(lambda g: g*100); z.sum().backward()
        // y.grad, z.grad -> tensor([200., 200.]) None
        var y = Tensor.From([1.0, 2.0], requiresGrad: true);
        var z = y * 2;
        z.RegisterHook(g => g * 100);
        z.Sum().Backward();
        Assert.Equal("tensor([200., 200.])", y.Grad?.ToString());
        Assert.Null(z.Grad);
    }

    [Fact]
    public void Hooks_need_a_tensor_that_requires_grad_and_leaf_hooks_do_not_change_autograd_grad()
    {
        // torch.tensor([1.]).register_hook(...) -> RuntimeError: cannot register a hook on a tensor that doesn't require gradient
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.From([1.0]).RegisterHook(g => g));
        Assert.Equal("cannot register a hook on a tensor that doesn't require gradient", e.Message);

        // x.register_hook(lambda g: g*2); torch.autograd.grad((x*3).sum(), x) -> (tensor([3., 3.]),)
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        x.RegisterHook(g => g * 2);
        Assert.Equal("tensor([3., 3.])", Autograd.Grad([(x * 3).Sum()], [x])[0]?.ToString());
    }

    [Fact]
    public void A_retained_gradient_sees_the_hooks_registered_before_it()
    {
        // PyTorch 1.13 runs a tensor's hooks and retain_grad in registration order:
        // h.register_hook(lambda g: g*10); h.retain_grad(); (h*h).sum().backward() -> h.grad tensor([ 60., 120.])
        // h.retain_grad(); h.register_hook(lambda g: g*10); ...                     -> h.grad tensor([ 6., 12.])
        // and w.grad tensor([180., 360.]) both times.
        var w = Tensor.From([1.0, 2.0], requiresGrad: true);
        var before = w * 3;
        before.RegisterHook(g => g * 10);
        before.RetainGrad();
        (before * before).Sum().Backward();
        Assert.Equal("tensor([ 60., 120.])", before.Grad?.ToString());
        Assert.Equal("tensor([180., 360.])", w.Grad?.ToString());

        w.Grad = null;
        var after = w * 3;
        after.RetainGrad();
        after.RetainGrad();
        after.RegisterHook(g => g * 10);
        (after * after).Sum().Backward();
        Assert.Equal("tensor([ 6., 12.])", after.Grad?.ToString());
        Assert.Equal("tensor([180., 360.])", w.Grad?.ToString());
    }
}
