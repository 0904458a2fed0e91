namespace Nabla.Examples;

/// <summary>
/// Tutorial 001, part 3 and its conclusion: torch.set_grad_enabled as a scope and as a plain call, and "the
/// closest scope wins". Tests that make plain calls restore the mode they started with, since a plain call lasts
/// for the rest of the flow.
/// </summary>
public class SeedSetGradEnabledTests
{
    [Fact]
    public void Set_grad_enabled_false_as_a_scope()
    {
        // x = torch.tensor([1.], requires_grad=True)
        var x = Tensor.From([1.0], requiresGrad: true);
        // is_train = False
        var isTrain = false;
        Tensor y;

        // with torch.set_grad_enabled(is_train):
        //   y = x * 2
        using (Autograd.SetGradEnabled(isTrain))
        {
            y = x * 2;
        }

        // y.requires_grad -> False ; print(y) -> tensor([2.])
        Assert.False(y.RequiresGrad);
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Set_grad_enabled_as_plain_calls()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = Tensor.From([1.0], requiresGrad: true);

        // torch.set_grad_enabled(True)
        // y = x * 2
        // y.requires_grad -> True ; print(y) -> tensor([2.], grad_fn=<MulBackward0>)
        Autograd.SetGradEnabled(true);
        var y = x * 2;
        Assert.True(y.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());

        // torch.set_grad_enabled(False)
        // y = x * 2
        // y.requires_grad -> False ; print(y) -> tensor([2.])
        Autograd.SetGradEnabled(false);
        y = x * 2;
        Assert.False(y.RequiresGrad);
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.False(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Closest_scope_wins_plain_false_inside_enable_grad()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = Tensor.From([1.0], requiresGrad: true);
        Tensor y;

        // with torch.enable_grad():
        //     torch.set_grad_enabled(False)
        //     y = x * 2
        //     print(y.requires_grad) -> False
        using (Autograd.EnableGrad())
        {
            Autograd.SetGradEnabled(false);
            y = x * 2;
            Assert.False(y.RequiresGrad);
            Assert.False(Autograd.IsGradEnabled);
        }

        // torch.is_grad_enabled() -> True (enable_grad restores the mode it saw on entry)
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Closest_scope_wins_no_grad_after_plain_true()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = Tensor.From([1.0], requiresGrad: true);
        Tensor z;

        // torch.set_grad_enabled(True)
        // with torch.no_grad():
        //     z = x * 2
        //     print(z.requires_grad) -> False
        Autograd.SetGradEnabled(true);
        using (Autograd.NoGrad())
        {
            z = x * 2;
            Assert.False(z.RequiresGrad);
        }

        // torch.is_grad_enabled() -> True
        Assert.True(Autograd.IsGradEnabled);
        Assert.Equal("tensor([2.])", z.ToString());
    }
}
