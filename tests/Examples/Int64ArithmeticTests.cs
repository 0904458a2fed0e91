namespace Nabla.Examples;

/// <summary>Int64 tensors in arithmetic (observed on PyTorch 1.13).</summary>
public class Int64ArithmeticTests
{
    [Fact]
    public void Integral_powers_keep_int64_and_negative_ones_are_refused()
    {
        // torch.tensor([1,2]).pow(2) -> tensor([1, 4]); torch.tensor([1,2])**0 -> tensor([1, 1])
        Assert.Equal("tensor([1, 4])", Tensor.From([1L, 2L]).Pow(2).ToString());
        Assert.Equal("tensor([1, 1])", Tensor.From([1L, 2L]).Pow(0).ToString());
        // torch.tensor([1,2]).pow(2.5) -> tensor([1.0000, 5.6569])
        Assert.Equal("tensor([1.0000, 5.6569])", Tensor.From([1L, 2L]).Pow(2.5).ToString());
        // torch.tensor([1,2]).pow(-1) -> RuntimeError: Integers to negative integer powers are not allowed.
        var e = Assert.Throws<ArgumentException>(() => Tensor.From([1L, 2L]).Pow(-1));
        Assert.StartsWith("Integers to negative integer powers are not allowed.", e.Message);
    }

    [Fact]
    public void Int64_with_int64_stays_int64_and_true_division_gives_floats()
    {
        var a = Tensor.From([1L, 2L]);
        var b = Tensor.From([3L, 4L]);
        // a + b -> tensor([4, 6]); a * b -> tensor([3, 8]); a / b -> tensor([0.3333, 0.5000]); a * 2.5 -> tensor([2.5000, 5.0000])
        Assert.Equal("tensor([4, 6])", (a + b).ToString());
        Assert.Equal("tensor([3, 8])", (a * b).ToString());
        Assert.Equal("tensor([0.3333, 0.5000])", (a / b).ToString());
        Assert.Equal("tensor([2.5000, 5.0000])", (a * 2.5).ToString());
        // torch.tensor([[1,2]]) @ torch.tensor([[3],[4]]) -> tensor([[11]])
        Assert.Equal("tensor([[11]])", Tensor.From([1L, 2L], [1, 2]).MatMul(Tensor.From([3L, 4L], [2, 1])).ToString());
    }
}
