namespace Nabla.Examples;

/// <summary>Tutorial 001, part 2: torch.enable_grad inside torch.no_grad, as a scope and as a decorator.</summary>
public class SeedEnableGradTests
{
    [Fact]
    public void Enable_grad_scope_inside_no_grad_records_and_backward_reaches_x()
    {
        // x = torch.tensor([1.], requires_grad=True)
        var x = Tensor.From([1.0], requiresGrad: true);
        Tensor y;

        // with torch.no_grad():
        //   with torch.enable_grad():
        //     y = x * 2
        using (Autograd.NoGrad())
        {
            using (Autograd.EnableGrad())
            {
                y = x * 2;
            }
        }

        // y.requires_grad -> True ; print(y) -> tensor([2.], grad_fn=<MulBackward0>)
        Assert.True(y.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());

        // y.backward(); x.grad -> tensor([2.])
        y.Backward();
        Assert.Equal("tensor([2.])", x.Grad?.ToString());
    }

    [Fact]
    public void Enable_grad_decorator_called_under_no_grad_records()
    {
        var x = Tensor.From([1.0], requiresGrad: true);

        // @torch.enable_grad()
        // def doubler(x):
        //     return x * 2
        var doubler = Autograd.EnableGrad<Tensor, Tensor>(t => t * 2);
        Tensor z;
        bool modeAfterCall;

        // with torch.no_grad():
        //     z = doubler(x)
        //     torch.is_grad_enabled() -> False
        using (Autograd.NoGrad())
        {
            z = doubler(x);
            modeAfterCall = Autograd.IsGradEnabled;
        }

        // z.requires_grad -> True ; print(z) -> tensor([2.], grad_fn=<MulBackward0>)
        Assert.True(z.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", z.ToString());
        Assert.False(modeAfterCall);
        Assert.True(Autograd.IsGradEnabled);
    }
}
