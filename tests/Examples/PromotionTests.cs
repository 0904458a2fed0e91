namespace Nabla.Examples;

/// <summary>PyTorch's result-type rules for mixed dtypes (observed on PyTorch 1.13).</summary>
public class PromotionTests
{
    [Fact]
    public void A_zero_dim_operand_of_the_same_category_does_not_widen_a_dimensioned_one()
    {
        // (torch.ones(3) + torch.tensor(0.5, dtype=torch.float64)).dtype -> torch.float32
        Assert.Equal(DType.Float32, (Tensor.Ones([3]) + Tensor.Scalar(0.5, dtype: DType.Float64)).DType);
        // torch.ones(3).pow(torch.tensor(2., dtype=torch.float64)).dtype -> torch.float32
        Assert.Equal(DType.Float32, Tensor.Ones([3]).Pow(Tensor.Scalar(2, dtype: DType.Float64)).DType);
        // (torch.tensor(1., dtype=torch.float64) * torch.tensor(2.)).dtype -> torch.float64 (both 0-dim: ordinary promotion)
        Assert.Equal(DType.Float64, (Tensor.Scalar(1, dtype: DType.Float64) * Tensor.Scalar(2)).DType);
        // (torch.ones(3) * torch.ones(3, dtype=torch.float64)).dtype -> torch.float64
        Assert.Equal(DType.Float64, (Tensor.Ones([3]) * Tensor.Ones([3], dtype: DType.Float64)).DType);
    }

    [Fact]
    public void A_zero_dim_operand_of_a_higher_category_decides()
    {
        // (torch.tensor([1, 2]) + torch.tensor(0.5, dtype=torch.float64)).dtype -> torch.float64
        var r = Tensor.From([1L, 2L]) + Tensor.Scalar(0.5, dtype: DType.Float64);
        Assert.Equal(DType.Float64, r.DType);
        Assert.Equal("tensor([1.5000, 2.5000], dtype=float64)", r.ToString());
    }

    [Fact]
    public void Each_gradient_keeps_its_inputs_dtype()
    {
        // x = torch.ones(3, requires_grad=True); s = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
        // (x*s).sum().backward(); x.grad.dtype, s.grad.dtype, s.grad -> torch.float32 torch.float64 tensor(3., dtype=torch.float64)
        var x = Tensor.Ones([3], requiresGrad: true);
        var s = Tensor.Scalar(0.5, requiresGrad: true, dtype: DType.Float64);
        (x * s).Sum().Backward();
        Assert.Equal(DType.Float32, x.Grad!.DType);
        Assert.Equal(DType.Float64, s.Grad!.DType);
        Assert.Equal("tensor(3., dtype=float64)", s.Grad.ToString());
        Assert.Equal("tensor([0.5000, 0.5000, 0.5000])", x.Grad.ToString());
    }
}
