namespace Nabla.Examples;

/// <summary>Creation functions (observed on PyTorch 1.13 where PyTorch has the same function).</summary>
public class FactoryTests
{
    [Fact]
    public void Seeded_samples_are_reproducible_and_have_the_asked_shape_and_dtype()
    {
        var a = Tensor.Randn([2, 3], seed: 7);
        var b = Tensor.Randn([2, 3], seed: 7);
        var c = Tensor.Randn([2, 3], seed: 8);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), c.ToArray());
        Assert.Equal([2, 3], a.Shape);
        Assert.Equal(DType.Float32, a.DType);
        Assert.Equal(DType.Float64, Tensor.Rand([4], seed: 1, dtype: DType.Float64).DType);
        Assert.All(Tensor.Rand([1000], seed: 3).ToArray(), v => Assert.InRange(v, 0.0, 1.0));
        // 10,000 standard normals: mean within 4 standard errors of 0, variance within 5% of 1.
        var n = Tensor.Randn([10000], seed: 5, dtype: DType.Float64).ToArray();
        var mean = n.Average();
        Assert.InRange(mean, -0.04, 0.04);
        Assert.InRange(n.Select(v => (v - mean) * (v - mean)).Average(), 0.95, 1.05);
        Assert.True(Tensor.Randn([2], seed: 1, requiresGrad: true).RequiresGrad);
    }

    [Fact]
    public void Random_samples_need_a_floating_dtype()
    {
        // torch.randn(2, dtype=torch.int64) -> RuntimeError: "normal_kernel_cpu" not implemented for 'Long'
        // torch.rand(2, dtype=torch.int64)  -> RuntimeError: "check_uniform_bounds" not implemented for 'Long'
        Assert.Contains("not implemented for 'Long'", Assert.Throws<ArgumentException>(() => Tensor.Randn([2], seed: 1, dtype: DType.Int64)).Message);
        Assert.Contains("not implemented for 'Long'", Assert.Throws<ArgumentException>(() => Tensor.Rand([2], seed: 1, dtype: DType.Int64)).Message);
    }

    [Fact]
    public void Arange_eye_zeros_ones_full_print_as_PyTorch()
    {
        // torch.arange(4) -> tensor([0, 1, 2, 3]); torch.arange(3, dtype=torch.float64) -> tensor([0., 1., 2.], dtype=torch.float64)
        Assert.Equal("tensor([0, 1, 2, 3])", Tensor.Arange(4).ToString());
        Assert.Equal("tensor([0., 1., 2.], dtype=float64)", Tensor.Arange(3, DType.Float64).ToString());
        // torch.eye(2) -> tensor([[1., 0.],\n        [0., 1.]])
        Assert.Equal("tensor([[1., 0.],\n        [0., 1.]])", Tensor.Eye(2).ToString());
        // torch.zeros(2, requires_grad=True) -> tensor([0., 0.], requires_grad=True); torch.ones(2) -> tensor([1., 1.])
        Assert.Equal("tensor([0., 0.], requires_grad=True)", Tensor.Zeros([2], requiresGrad: true).ToString());
        Assert.Equal("tensor([1., 1.])", Tensor.Ones([2]).ToString());
        // torch.full((2,), 1.5) -> tensor([1.5000, 1.5000])
        Assert.Equal("tensor([1.5000, 1.5000])", Tensor.Full([2], 1.5).ToString());
        // torch.full((2,), 1, requires_grad=True, dtype=torch.int64) -> RuntimeError: Only Tensors of floating point ... can require gradients
        Assert.Throws<InvalidOperationException>(() => Tensor.Full([2], 1, requiresGrad: true, dtype: DType.Int64));
    }
}
