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
    public void Hooks_need_a_tensor_that_requires_grad()
    {
        // torch.tensor([1.]).register_hook(...) -> RuntimeError: cannot register a hook on a tensor that doesn't require gradient
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.From([1.0]).RegisterHook(g => g));
        Assert.Equal("cannot register a hook on a tensor that doesn't require gradient", e.Message);
    }

    [Fact]
    public void Autograd_grad_runs_the_hooks_of_its_inputs_leaves_included()
    {
        // PyTorch 2.x (1.13 skipped the inputs' hooks, and would print only (tensor(2.), tensor(1.))):
        // a.register_hook(lambda g: g*3); b.register_hook(lambda g: seen.append(g)); torch.autograd.grad(a*b, [a, b])
        // -> both hooks run; (tensor(6.), tensor(1.)): the captured gradient is the one after the input's hooks.
        var a = Tensor.Scalar(1.0, requiresGrad: true);
        var b = Tensor.Scalar(2.0, requiresGrad: true);
        var seen = new List<string>();
        a.RegisterHook(g => { seen.Add($"a {g}"); return g * 3; });
        b.RegisterHook(g => { seen.Add($"b {g}"); return null; });
        var grads = Autograd.Grad([a * b], [a, b]);
        Assert.Equal(["a tensor(2.)", "b tensor(1.)"], seen.Order());
        Assert.Equal("tensor(6.) tensor(1.)", $"{grads[0]} {grads[1]}");
        Assert.Null(a.Grad);
    }

    [Fact]
    public void A_retained_gradient_is_taken_after_every_hook_whenever_they_were_registered()
    {
        // PyTorch 2.x, which fixed 1.13 here (SEMANTICS.md). 1.13 ran hooks and retain_grad in registration order:
        // h.retain_grad(); h.register_hook(lambda g: g*10); (h*h).sum().backward() gave h.grad tensor([ 6., 12.]).
        // In 2.x the retained gradient comes after the hooks: h.grad tensor([ 60., 120.]) in either order, and
        // w.grad tensor([180., 360.]) both times.
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
        Assert.Equal("tensor([ 60., 120.])", after.Grad?.ToString());
        Assert.Equal("tensor([180., 360.])", w.Grad?.ToString());
    }

    [Fact]
    public void Autograd_grad_fills_retained_gradients_too()
    {
        // z = a * 1; z.retain_grad(); torch.autograd.grad(z * b, [a]) -> (tensor(2.),), and z.grad is tensor(2.)
        var a = Tensor.Scalar(1.0, requiresGrad: true);
        var b = Tensor.Scalar(2.0, requiresGrad: true);
        var z = a * 1;
        z.RetainGrad();
        Assert.Equal("tensor(2.)", Autograd.Grad([z * b], [a])[0]?.ToString());
        Assert.Equal("tensor(2.)", z.Grad?.ToString());
    }

    [Fact]
    public void Hooks_run_under_the_backwards_grad_mode()
    {
        // x = torch.tensor(3., dtype=torch.float64, requires_grad=True); y = x * x; y.register_hook(lambda g: g * x)
        // with torch.no_grad(): (g,) = torch.autograd.grad(y, x, create_graph=True)
        // g -> tensor(18., dtype=torch.float64, grad_fn=<AddBackward0>); torch.autograd.grad(g, x) -> (tensor(12., dtype=torch.float64),)
        // The engine runs hooks with grad on when create_graph, whatever the caller's mode: d/dx (2x · x) = 4x = 12.
        // Before, the hook ran in the caller's NoGrad, so its product was a constant and the answer was 2 · 3 = 6.
        var x = Tensor.Scalar(3.0, requiresGrad: true, dtype: DType.Float64);
        var y = x * x;
        var modes = new List<bool>();
        y.RegisterHook(g => { modes.Add(Autograd.IsGradEnabled); return g * x; });
        Tensor g;
        using (Autograd.NoGrad()) g = Autograd.Grad([y], [x], createGraph: true)[0]!;
        Assert.Equal("tensor(18., dtype=float64, grad_fn=<AddBackward0>)", g.ToString());
        Assert.Equal("tensor(12., dtype=float64)", Autograd.Grad([g], [x])[0]?.ToString());

        // Without createGraph the hook runs with grad off, even inside EnableGrad, and sees a constant gradient.
        var y2 = x * x;
        y2.RegisterHook(g => { modes.Add(Autograd.IsGradEnabled); Assert.False(g.RequiresGrad); return null; });
        using (Autograd.EnableGrad()) y2.Backward();
        Assert.Equal([true, false], modes);
    }

    static Tensor? Doubled(Tensor g) => g.To(DType.Float64);

    [Fact]
    public void A_hook_that_changes_the_gradients_type_or_size_throws_PyTorchs_message()
    {
        // y = x * 2; y.register_hook(lambda g: g.double()); y.sum().backward()
        // -> RuntimeError: hook '<lambda>' has changed the type of value (was torch.FloatTensor got torch.DoubleTensor)
        // a named function: hook 'named' has changed the type of value (...); g.sum() -> hook '<lambda>' has changed the size of value
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = x * 2;
        using (y.RegisterHook(g => g.To(DType.Float64)))
        {
            var e = Assert.Throws<InvalidOperationException>(() => y.Sum().Backward(retainGraph: true));
            Assert.Equal("hook '<lambda>' has changed the type of value (was torch.FloatTensor got torch.DoubleTensor)", e.Message);
        }
        using (y.RegisterHook(Doubled))
        {
            var e = Assert.Throws<InvalidOperationException>(() => y.Sum().Backward(retainGraph: true));
            Assert.StartsWith("hook 'Doubled' has changed the type of value", e.Message);
        }
        using (y.RegisterHook(g => g.Sum()))
        {
            var e = Assert.Throws<InvalidOperationException>(() => y.Sum().Backward(retainGraph: true));
            Assert.Equal("hook '<lambda>' has changed the size of value (was [2] got [])", e.Message);
        }
        // The same on a leaf, and through Autograd.Grad.
        using (x.RegisterHook(g => g.Reshape(1, 2)))
        {
            var e = Assert.Throws<InvalidOperationException>(() => Autograd.Grad([(x * 2).Sum()], [x]));
            Assert.Equal("hook '<lambda>' has changed the size of value (was [2] got [1, 2])", e.Message);
        }
        Assert.Null(x.Grad);
    }
}
