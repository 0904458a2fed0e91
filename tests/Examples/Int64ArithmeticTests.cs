namespace Nabla.Examples;

/// <summary>Int64 tensors in arithmetic (observed on PyTorch 1.13; bench/torch/edge_reference.py prints the newer values).</summary>
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

    const long TwoTo53 = 1L << 53;

    [Fact]
    public void An_integer_scalar_keeps_int64_and_a_floating_tensor_its_dtype()
    {
        var a = Tensor.From([1L, 2L]);
        // a + 1, a - 1, 1 - a, a * 2, 2 * a -> tensor([2, 3]) tensor([0, 1]) tensor([ 0, -1]) tensor([2, 4]) tensor([2, 4])
        Assert.Equal("tensor([2, 3]) tensor([0, 1]) tensor([ 0, -1]) tensor([2, 4]) tensor([2, 4])",
                     $"{a + 1} {a - 1} {1 - a} {a * 2} {2 * a}");
        Assert.Equal("tensor([2, 3]) tensor([0, 1]) tensor([ 0, -1]) tensor([2, 4]) tensor([2, 4])",
                     $"{a + 1L} {a - 1L} {1L - a} {a * 2L} {2L * a}");
        // a / 2, 2 / a -> tensor([0.5000, 1.0000]) tensor([2., 1.]): true division gives the default float dtype
        Assert.Equal("tensor([0.5000, 1.0000]) tensor([2., 1.])", $"{a / 2} {2 / a}");
        Assert.Equal("tensor([0.5000, 1.0000]) tensor([2., 1.])", $"{a / 2L} {2L / a}");
        // (torch.ones(2) + 1).dtype, (torch.ones(2, dtype=torch.float64) * 2).dtype -> torch.float32 torch.float64
        Assert.Equal(DType.Float32, (Tensor.Ones([2]) + 1).DType);
        Assert.Equal(DType.Float64, (Tensor.Ones([2], dtype: DType.Float64) * 2).DType);
        Assert.Equal(DType.Float64, (1 - Tensor.Ones([2], dtype: DType.Float64)).DType);
        // w = torch.ones(2, requires_grad=True); w * 3 + 1 -> tensor([4., 4.], grad_fn=<AddBackward0>)
        var w = Tensor.Ones([2], requiresGrad: true);
        var y = w * 3 + 1;
        Assert.Equal("tensor([4., 4.], grad_fn=<AddBackward0>)", y.ToString());
        y.Sum().Backward();
        Assert.Equal("tensor([3., 3.])", w.Grad!.ToString());
    }

    [Fact]
    public void Int64_arithmetic_is_exact_and_wraps_on_overflow()
    {
        // torch.tensor([1]) + 2**62 -> tensor([4611686018427387905]) (through Float32 it would be 4.6117e+18)
        Assert.Equal([(1L << 62) + 1], (Tensor.From([1L]) + (1L << 62)).ToInt64Array());
        // torch.tensor([2**62]) * 4, torch.tensor([2**63 - 1]) + 1, -torch.tensor([-2**63]) -> tensor([0]) and, twice,
        // tensor([-9223372036854775808])
        Assert.Equal([0L], (Tensor.From([1L << 62]) * 4).ToInt64Array());
        Assert.Equal([long.MinValue], (Tensor.From([long.MaxValue]) + 1).ToInt64Array());
        Assert.Equal([long.MinValue], (-Tensor.From([long.MinValue])).ToInt64Array());
        Assert.Equal([long.MaxValue], (Tensor.From([long.MinValue]) - 1).ToInt64Array());
        // torch.tensor([-2**63]).abs() -> tensor([-9223372036854775808]): wraps, where .NET's Math.Abs throws
        Assert.Equal("tensor([-9223372036854775808])", Tensor.From([long.MinValue]).Abs().ToString());
        Assert.Equal([long.MinValue, 5, 5, 0], Tensor.From([long.MinValue, -5, 5, 0]).Abs().ToInt64Array());
        Assert.Equal([long.MinValue], Tensor.From([long.MinValue], []).Abs().ToInt64Array());
    }

    [Fact]
    public void Int64_sums_and_maxima_are_exact()
    {
        // torch.tensor([2**63 - 1, 1]).sum(), torch.tensor([2**53 + 1, 2]).sum() -> tensor(-9223372036854775808) tensor(9007199254740995)
        Assert.Equal([long.MinValue], Tensor.From([long.MaxValue, 1]).Sum().ToInt64Array());
        Assert.Equal([TwoTo53 + 3], Tensor.From([TwoTo53 + 1, 2]).Sum().ToInt64Array());
        // torch.tensor([[2**53 + 1], [2]]).sum(0), torch.tensor([[2**53 + 1, 2]]).sum(1) -> tensor([9007199254740995]) twice
        Assert.Equal([TwoTo53 + 3], Tensor.From([TwoTo53 + 1, 2], [2, 1]).Sum(0).ToInt64Array());
        Assert.Equal([TwoTo53 + 3], Tensor.From([TwoTo53 + 1, 2], [1, 2]).Sum(1).ToInt64Array());
        // torch.tensor([2**53, 2**53 + 1]).argmax(0), torch.tensor([2**53 + 1, 2**53]).max() -> tensor(1) tensor(9007199254740993)
        // (as doubles both are 2⁵³, and the first would win)
        Assert.Equal("tensor(1)", Tensor.From([TwoTo53, TwoTo53 + 1]).ArgMax(0).ToString());
        Assert.Equal("tensor(9007199254740993)", Tensor.From([TwoTo53 + 1, TwoTo53]).Max().ToString());
    }

    [Fact]
    public void Int64_powers_are_exact_in_integers()
    {
        // torch.tensor([3]).pow(39), .pow(40), torch.tensor([2]).pow(63), .pow(64)
        //   -> tensor([4052555153018976267]) tensor([-6289078614652622815]) tensor([-9223372036854775808]) tensor([0])
        // (through Float64, 3³⁹ came out as 4052555153018976256)
        Assert.Equal([4052555153018976267L], Tensor.From([3L]).Pow(39).ToInt64Array());
        Assert.Equal([-6289078614652622815L], Tensor.From([3L]).Pow(40).ToInt64Array());
        Assert.Equal([long.MinValue, 0], Tensor.From([2L]).Pow(63).ToInt64Array().Concat(Tensor.From([2L]).Pow(64).ToInt64Array()));
        Assert.Equal([4052555153018976267L, 1], Tensor.From([3L, 1]).Pow(39L).ToInt64Array());
        // A double exponent computes in the default floating dtype, even an integral one, as PyTorch does:
        // torch.tensor([1, 2]).pow(2.0) -> tensor([1., 4.]); torch.tensor([3]).pow(39.0) -> tensor([4.0526e+18]).
        // (Nabla kept Int64 here until issue 12.) 3³⁹ rounds to Float32 within half an ulp.
        var floating = Tensor.From([3L]).Pow(39.0);
        Assert.Equal(DType.Float32, floating.DType);
        Approx.Relative(4052555153018976267d, floating.Item(), 4 * Approx.Eps32);
        Assert.Equal([1.0, 4.0], Tensor.From([1L, 2L]).Pow(2.0).ToArray());
        // Pow of Int64 by Int64 stays Int64: torch.tensor([3]) ** torch.tensor([39]), torch.tensor([1, 2]) ** torch.tensor(2)
        //   -> tensor([4052555153018976267]) tensor([1, 4])
        var p = Tensor.From([3L]).Pow(Tensor.From([39L]));
        Assert.Equal(DType.Int64, p.DType);
        Assert.Equal([4052555153018976267L], p.ToInt64Array());
        Assert.Equal("tensor([1, 4])", Tensor.From([1L, 2]).Pow(Tensor.From([2L], [])).ToString());
        // Negative integer exponents of a tensor: 1 and -1 give ±1, other bases 0 (PyTorch's powi):
        // torch.tensor([2, 3, -1, 1, -1]) ** torch.tensor([-1, -2, -3, -5, -4]) -> tensor([ 0,  0, -1,  1,  1])
        Assert.Equal("tensor([ 0,  0, -1,  1,  1])", Tensor.From([2L, 3, -1, 1, -1]).Pow(Tensor.From([-1L, -2, -3, -5, -4])).ToString());
        // A floating exponent tensor still gives a float: torch.tensor([1, 2]) ** torch.tensor([2.]) -> tensor([1., 4.])
        Assert.Equal("tensor([1., 4.])", Tensor.From([1L, 2]).Pow(Tensor.From([2.0])).ToString());
    }

    [Fact]
    public void Int64_matrix_products_are_exact_beyond_two_to_the_53()
    {
        // torch.tensor([[2**53 + 1, 1]]) @ torch.tensor([[1], [1]]) -> tensor([[9007199254740994]])
        Assert.Equal("tensor([[9007199254740994]])", Tensor.From([TwoTo53 + 1, 1], [1, 2]).MatMul(Tensor.From([1L, 1], [2, 1])).ToString());
        // torch.tensor([2**62, 2**62]) @ torch.tensor([2, 2]) -> tensor(0): wraps, as every Int64 product does
        Assert.Equal("tensor(0)", Tensor.From([1L << 62, 1L << 62]).MatMul(Tensor.From([2L, 2])).ToString());
        // torch.tensor([[2**53 + 1, 3], [1, 2]]) @ torch.tensor([2**53 + 1, 1]) -> tensor([18014398509481988,  9007199254740995])
        Assert.Equal("tensor([18014398509481988,  9007199254740995])",
                     Tensor.From([TwoTo53 + 1, 3, 1, 2], [2, 2]).MatMul(Tensor.From([TwoTo53 + 1, 1])).ToString());
        // torch.tensor([2**53 + 1, 1]) @ torch.tensor([[1, 2], [3, 4]]) -> tensor([ 9007199254740996, 18014398509481990])
        Assert.Equal("tensor([ 9007199254740996, 18014398509481990])",
                     Tensor.From([TwoTo53 + 1, 1]).MatMul(Tensor.From([1L, 2, 3, 4], [2, 2])).ToString());
        // torch.tensor([[[2**53 + 1, 1]], [[3, 2**40]]]) @ torch.tensor([[1], [2**20]])
        //   -> tensor([[[   9007199255789569]],\n\n        [[1152921504606846979]]])
        var batched = Tensor.From([TwoTo53 + 1, 1, 3, 1L << 40], [2, 1, 2]).MatMul(Tensor.From([1L, 1 << 20], [2, 1]));
        Assert.Equal(DType.Int64, batched.DType);
        Assert.Equal("tensor([[[   9007199255789569]],\n\n        [[1152921504606846979]]])", batched.ToString());
        // the same stack against a stack (Bmm), and a transposed read (T() of an Int64 matrix)
        var stack = Tensor.From([TwoTo53 + 1, 1, 3, 1L << 40], [2, 1, 2]).MatMul(Tensor.From([1L, 1 << 20, 1, 1 << 20], [2, 2, 1]));
        Assert.Equal([TwoTo53 + 1 + (1 << 20), 3 + (1L << 60)], stack.ToInt64Array());
        Assert.Equal([TwoTo53 + 1 + 3, 1 + 4], Tensor.From([TwoTo53 + 1, 1, 3, 4], [2, 2]).T().MatMul(Tensor.From([1L, 1])).ToInt64Array());
    }

    [Fact]
    public void Int64_values_read_back_and_print_exactly()
    {
        // torch.tensor([9007199254740993, -2**63]).tolist() -> [9007199254740993, -9223372036854775808]
        Assert.Equal([TwoTo53 + 1, long.MinValue], Tensor.From([TwoTo53 + 1, long.MinValue]).ToInt64Array());
        // A floating tensor truncates toward zero: torch.tensor([2.7, -2.7]).long().tolist() -> [2, -2]
        Assert.Equal([2L, -2], Tensor.From([2.7, -2.7]).ToInt64Array());
        Assert.Equal([7L], Tensor.Scalar(7.9, dtype: DType.Float64).ToInt64Array());
        // torch.tensor([9007199254740993]), torch.tensor([[1, -9007199254740993]])
        //   -> tensor([9007199254740993]) tensor([[                1, -9007199254740993]])
        Assert.Equal("tensor([9007199254740993])", Tensor.From([TwoTo53 + 1]).ToString());
        Assert.Equal("tensor([[                1, -9007199254740993]])", Tensor.From([1, -(TwoTo53 + 1)], [1, 2]).ToString());
        Assert.Equal("tensor(-9223372036854775808)", Tensor.From([long.MinValue], []).ToString());
    }
}
