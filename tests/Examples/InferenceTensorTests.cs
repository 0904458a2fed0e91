namespace Nabla.Examples;

/// <summary>Tensors made under InferenceMode are PyTorch's inference tensors (observed on PyTorch 1.13).</summary>
public class InferenceTensorTests
{
    [Fact]
    public void Results_and_factories_in_inference_mode_are_inference_tensors()
    {
        // x = torch.tensor([1.], requires_grad=True)
        // with torch.inference_mode(): t = torch.tensor([2.]); u = x*2; w = torch.tensor([3.], requires_grad=True)
        // t.is_inference(), u.is_inference(), u.requires_grad, w.requires_grad, w.is_inference(),
        // t.detach().is_inference(), t.clone().is_inference()  ->  True True False True True True False
        var x = Tensor.From([1.0], requiresGrad: true);
        Tensor t, u, w;
        using (Autograd.InferenceMode())
        {
            t = Tensor.From([2.0]);
            u = x * 2;
            w = Tensor.From([3.0], requiresGrad: true);
        }
        Assert.True(t.IsInference);
        Assert.True(u.IsInference);
        Assert.False(u.RequiresGrad);
        Assert.True(w.RequiresGrad);
        Assert.True(w.IsInference);
        Assert.True(t.Detach().IsInference);
        Assert.False(t.Clone().IsInference);
        Assert.False(x.IsInference);
        Assert.Equal("tensor([2.])", u.ToString()); // print(u) -> tensor([2.])
    }

    [Fact]
    public void An_op_that_would_save_an_inference_tensor_for_backward_is_refused()
    {
        var x = Tensor.From([1.0], requiresGrad: true);
        Tensor t;
        using (Autograd.InferenceMode()) t = Tensor.From([2.0]);

        // (x + t).grad_fn -> <AddBackward0>: add saves nothing, so it is allowed
        Assert.Equal("AddBackward0", (x + t).GradFn?.Name);

        // x * t -> RuntimeError: Inference tensors cannot be saved for backward. To work around you can make a
        // clone to get a normal tensor and use it in autograd.
        var e = Assert.Throws<InvalidOperationException>(() => x * t);
        Assert.Equal("Inference tensors cannot be saved for backward. To work around you can make a clone to get " +
                     "a normal tensor and use it in autograd.", e.Message);

        // the suggested work-around: (x * t.clone()).sum().backward(); x.grad -> tensor([2.])
        (x * t.Clone()).Sum().Backward();
        Assert.Equal("tensor([2.])", x.Grad?.ToString());
    }

    [Fact]
    public void An_inference_tensor_cannot_start_requiring_grad_outside_inference_mode()
    {
        Tensor t;
        using (Autograd.InferenceMode()) t = Tensor.From([2.0]);

        // t.requires_grad_() -> RuntimeError: Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.
        var e = Assert.Throws<InvalidOperationException>(() => t.SetRequiresGrad());
        Assert.Equal("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.", e.Message);
    }
}
