namespace Nabla.Examples;

/// <summary>Autograd.DetectAnomaly, as torch.autograd.detect_anomaly.</summary>
public class AnomalyTests
{
    [Fact]
    public void A_nan_from_a_backward_rule_names_the_op_and_where_it_was_made()
    {
        // x = torch.tensor([0.,1.], requires_grad=True)
        // with torch.autograd.detect_anomaly(): (x.sqrt()*0).sum().backward()
        // -> RuntimeError: Function 'SqrtBackward0' returned nan values in its 0th output.
        var x = Tensor.From([0.0, 1.0], requiresGrad: true);
        InvalidOperationException e;
        using (Autograd.DetectAnomaly())
        {
            Assert.True(Autograd.IsAnomalyEnabled);
            var y = (MakeSqrt(x) * 0).Sum();
            e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        }
        Assert.False(Autograd.IsAnomalyEnabled);
        Assert.StartsWith("Function 'SqrtBackward0' returned nan values in its 0th output.\nThe forward call that created it:", e.Message);
        Assert.Contains(nameof(MakeSqrt), e.Message);
    }

    static Tensor MakeSqrt(Tensor x) => x.Sqrt();

    [Fact]
    public void Without_it_the_nan_reaches_the_gradient()
    {
        // (x.sqrt()*0).sum().backward(); x.grad -> tensor([nan, 0.])
        var x = Tensor.From([0.0, 1.0], requiresGrad: true);
        (x.Sqrt() * 0).Sum().Backward();
        Assert.Equal("tensor([nan, 0.])", x.Grad?.ToString());
    }
}
