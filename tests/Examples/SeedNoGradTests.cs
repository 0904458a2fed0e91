namespace Nabla.Examples;

/// <summary>
/// torch.no_grad as a scope and as a decorator, from tutorials 000 (A * 6), 001 and 003 (the doubler) and
/// 002 (the Spanish one: B = A**2 + 16).
/// </summary>
public class SeedNoGradTests
{
    [Fact]
    public void No_grad_scope_result_does_not_require_grad()
    {
        // x = torch.tensor([1.], requires_grad=True)
        var x = Tensor.From([1.0], requiresGrad: true);
        Tensor y;

        // with torch.no_grad():
        //   y = x * 2
        using (Autograd.NoGrad())
        {
            y = x * 2;
        }

        // y.requires_grad -> False
        Assert.False(y.RequiresGrad);
        // print(y) -> tensor([2.])
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.Null(y.GradFn);
        Assert.True(y.IsLeaf);
        // print(x) -> tensor([1.], requires_grad=True)
        Assert.Equal("tensor([1.], requires_grad=True)", x.ToString());
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void No_grad_decorator_doubler_result_does_not_require_grad()
    {
        var x = Tensor.From([1.0], requiresGrad: true);

        // @torch.no_grad()
        // def doubler(x):
        //     return x * 2
        var doubler = Autograd.NoGrad<Tensor, Tensor>(t => t * 2);

        // z = doubler(x)
        var z = doubler(x);

        // z.requires_grad -> False ; print(z) -> tensor([2.])
        Assert.False(z.RequiresGrad);
        Assert.Equal("tensor([2.])", z.ToString());
        Assert.Null(z.GradFn);
        // torch.is_grad_enabled() -> True after the call
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Undecorated_doubler_result_requires_grad()
    {
        var x = Tensor.From([1.0], requiresGrad: true);

        // def doubler(x):
        //     return x * 2
        static Tensor Doubler(Tensor t) => t * 2;

        // z = doubler(x)
        var z = Doubler(x);

        // print(z.requires_grad) -> True ; print(z) -> tensor([2.], grad_fn=<MulBackward0>)
        Assert.True(z.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", z.ToString());
        Assert.False(z.IsLeaf);
    }

    [Fact]
    public void Spanish_tutorial_B_is_A_squared_plus_16_under_no_grad()
    {
        // A = torch.tensor([5.0], requires_grad=True)
        var a = Tensor.From([5.0], requiresGrad: true);
        Tensor b;

        // with torch.no_grad():
        //     B = A**2 + 16
        using (Autograd.NoGrad())
        {
            b = a.Pow(2) + 16;
        }

        // print('Cálculo de gradiente con torch.no_grad: ', A.grad) -> ... None
        Assert.Null(a.Grad);
        // print('\nTensor original: ', A) -> ... tensor([5.], requires_grad=True)
        Assert.Equal("tensor([5.], requires_grad=True)", a.ToString());
        // print('\nMuestra de cálculo aritmético: ', B) -> ... tensor([41.])
        Assert.Equal("tensor([41.])", b.ToString());
        Assert.False(b.RequiresGrad);
        Assert.Null(b.GradFn);
    }

    [Fact]
    public void Tutorial_000_A_times_6_under_no_grad()
    {
        // A = torch.tensor([2.0, 3.0], requires_grad=True)   (the tutorial leaves A's values out)
        var a = Tensor.From([2.0, 3.0], requiresGrad: true);
        Tensor b;

        // with torch.no_grad():
        //     B = A * 6
        using (Autograd.NoGrad())
        {
            b = a * 6;
        }

        // print('Gradient Enabled: ', A)  -> Gradient Enabled:  tensor([2., 3.], requires_grad=True)
        Assert.Equal("Gradient Enabled:  tensor([2., 3.], requires_grad=True)", $"Gradient Enabled:  {a}");
        // print('Gradient Disabled: ', B) -> Gradient Disabled:  tensor([12., 18.])
        Assert.Equal("Gradient Disabled:  tensor([12., 18.])", $"Gradient Disabled:  {b}");
        Assert.True(a.RequiresGrad);
        Assert.False(b.RequiresGrad);
        Assert.Equal([12.0, 18.0], b.ToArray());
    }

    [Fact]
    public void Tutorial_000_requires_grad_false_stops_tracking_a_single_tensor()
    {
        // A = torch.tensor([2.0, 3.0], requires_grad=True); A.requires_grad = False; B = A * 6
        var a = Tensor.From([2.0, 3.0], requiresGrad: true);
        a.RequiresGrad = false;
        var b = a * 6;

        // print(A) -> tensor([2., 3.]) ; print(B) -> tensor([12., 18.]) ; B.requires_grad -> False
        Assert.Equal("tensor([2., 3.])", a.ToString());
        Assert.Equal("tensor([12., 18.])", b.ToString());
        Assert.False(b.RequiresGrad);
    }
}
