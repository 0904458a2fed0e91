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

    [Fact]
    public void Views_of_an_inference_tensor_are_inference_tensors_outside_inference_mode()
    {
        // with torch.inference_mode(): t = torch.ones(2, 3)
        // outside: t.reshape(3,2), t.view(6), t.unsqueeze(0), t.squeeze(0), t.t(), t.transpose(0,1), t[0],
        // t.unsqueeze(0).expand(2,2,3), t.detach(), t.to(torch.float32), t.flatten() -> is_inference() True;
        // t.clone(), t + 1, t.to(torch.float64), t.sum() -> False (PyTorch 1.13). Before, only detach kept it.
        Tensor t;
        using (Autograd.InferenceMode()) t = Tensor.Ones([2, 3]);
        Tensor[] views = [t.Reshape(3, 2), t.Unsqueeze(0), t.Squeeze(0), t.T(), t.Transpose(0, 1), t[0], t.Detach(),
                          t.To(DType.Float32), t.Reshape(6)];
        Assert.All(views, v => Assert.True(v.IsInference));
        Assert.All(views, v => Assert.False(v.RequiresGrad));
        Tensor[] copies = [t.Clone(), t + 1, t.To(DType.Float64), t.Sum()];
        Assert.All(copies, c => Assert.False(c.IsInference));
    }
}
