namespace Nabla.Examples;

/// <summary>
/// The Bool dtype, comparisons, logical ops, MaskedFill, Clamp, Where and Bool masks in x[...] against PyTorch 1.13
/// (each expected value with the line that gave it).
/// </summary>
public sealed class LogicVocabularyTests
{
    static Tensor B(params bool[] values) => Tensor.From(values);
    static Tensor F(params double[] values) => Tensor.From(values);
    static Tensor Grid() => Tensor.From(Enumerable.Range(0, 12).Select(k => (double)k).ToArray(), [4, 3], requiresGrad: true);

    [Fact]
    public void Bool_tensors_print_as_PyTorch_s_with_True_padded_to_False_s_width()
    {
        // torch.tensor([True, False]) -> tensor([ True, False])
        Assert.Equal("tensor([ True, False])", B(true, false).ToString());
        // torch.tensor([[True, False], [False, True]]) -> tensor([[ True, False],\n        [False,  True]])
        Assert.Equal("tensor([[ True, False],\n        [False,  True]])", Tensor.From([true, false, false, true], [2, 2]).ToString());
        // torch.tensor([True, True]) -> tensor([True, True])
        Assert.Equal("tensor([True, True])", B(true, true).ToString());
        // torch.tensor(True) -> tensor(True)
        Assert.Equal("tensor(True)", Tensor.From([true], []).ToString());
        // torch.tensor([], dtype=torch.bool) -> tensor([], dtype=torch.bool); torch.zeros(2, 0).bool() -> tensor([], size=(2, 0), dtype=torch.bool)
        Assert.Equal("tensor([], dtype=bool)", B().ToString());
        Assert.Equal("tensor([], size=(2, 0), dtype=bool)", Tensor.From(Array.Empty<bool>(), [2, 0]).ToString());
    }

    [Fact]
    public void Bool_converts_as_PyTorch_nonzero_is_true_and_true_is_one()
    {
        // torch.tensor([0.0, -2.0, float("nan")]).bool() -> tensor([False,  True,  True])
        var b = F(0, -2, double.NaN).To(DType.Bool);
        Assert.Equal(DType.Bool, b.DType);
        Assert.Equal([0.0, 1, 1], b.ToArray());
        // torch.tensor([True, False]).float() -> tensor([1., 0.]); .long() -> tensor([1, 0])
        Assert.Equal("tensor([1., 0.])", B(true, false).To(DType.Float32).ToString());
        Assert.Equal([1L, 0], B(true, false).To(DType.Int64).ToInt64Array());
        Assert.Equal([1.0, 0], B(true, false).ToArray());
    }

    [Fact]
    public void Bool_arithmetic_promotes_as_PyTorch_s()
    {
        // torch.tensor([True, False]) + torch.tensor([True, True]) -> tensor([True, True])
        var or = B(true, false) + B(true, true);
        Assert.Equal((DType.Bool, "tensor([True, True])"), (or.DType, or.ToString()));
        // torch.tensor([True, False]) * torch.tensor([True, True]) -> tensor([ True, False])
        Assert.Equal("tensor([ True, False])", (B(true, false) * B(true, true)).ToString());
        // torch.tensor([True, False]) + 1 -> tensor([2, 1])
        var plusOne = B(true, false) + 1;
        Assert.Equal((DType.Int64, "tensor([2, 1])"), (plusOne.DType, plusOne.ToString()));
        // torch.tensor([True, False]) * torch.tensor([1.5, 2.0]) -> tensor([1.5000, 0.0000])
        Assert.Equal("tensor([1.5000, 0.0000])", (B(true, false) * Tensor.From([1.5, 2.0], dtype: DType.Float32)).ToString());
        // torch.tensor([True, False]) + 2.5 -> tensor([3.5000, 2.5000])
        Assert.Equal("tensor([3.5000, 2.5000])", (B(true, false) + 2.5).ToString());
        // torch.tensor([True, False]) / torch.tensor([True, True]) -> tensor([1., 0.])
        Assert.Equal("tensor([1., 0.])", (B(true, false) / B(true, true)).ToString());
        // torch.tensor([True, False]).sum() -> tensor(1) (int64)
        var sum = B(true, false).Sum();
        Assert.Equal((DType.Int64, "tensor(1)"), (sum.DType, sum.ToString()));
        // torch.tensor([True, False]).exp() -> tensor([2.7183, 1.0000])
        Assert.Equal("tensor([2.7183, 1.0000])", B(true, false).Exp().ToString());
        // torch.tensor([True, False]).max() -> tensor(True)
        Assert.Equal("tensor(True)", B(true, false).Max().ToString());
        // b = torch.tensor([[True, False], [True, True]]); b.min() -> tensor(False); b.prod() -> tensor(0); b.prod(1) -> tensor([0, 1])
        var b = Tensor.From([true, false, true, true], [2, 2]);
        Assert.Equal("tensor(False)", b.Min().ToString());
        Assert.Equal("tensor(0)", b.Prod().ToString());
        Assert.Equal("tensor([0, 1])", b.Prod(1).ToString());
        // b.cumsum(1) -> tensor([[1, 1],\n        [1, 2]]); b.sum(0) -> tensor([2, 1]); b.max(1) -> values=tensor([True, True]), indices=tensor([0, 0])
        Assert.Equal("tensor([[1, 1],\n        [1, 2]])", b.Cumsum(1).ToString());
        Assert.Equal("tensor([2, 1])", b.Sum([0]).ToString());
        var (values, indices) = b.Max(1);
        Assert.Equal(("tensor([True, True])", "tensor([0, 0])"), (values.ToString(), indices.ToString()));
        // torch.maximum(b, b.t()) -> tensor([[True, True],\n        [True, True]]); b.sign() -> b
        Assert.Equal("tensor([[True, True],\n        [True, True]])", Tensor.Maximum(b, b.T()).ToString());
        Assert.Equal(b.ToString(), b.Sign().ToString());
        // torch.tensor([True, False]).pow(2) -> tensor([1, 0])
        Assert.Equal("tensor([1, 0])", B(true, false).Pow(2).ToString());
    }

    [Fact]
    public void What_PyTorch_refuses_on_Bool_is_refused_with_its_words()
    {
        // torch.tensor([True, False]) - torch.tensor([True, True]) -> RuntimeError: Subtraction, the `-` operator, with two bool tensors is not supported. ...
        Assert.StartsWith("Subtraction, the `-` operator, with two bool tensors is not supported.",
            Assert.Throws<ArgumentException>(() => B(true, false) - B(true, true)).Message);
        // -torch.tensor([True]) -> RuntimeError: Negation, the `-` operator, on a bool tensor is not supported. ...
        Assert.StartsWith("Negation, the `-` operator, on a bool tensor is not supported.", Assert.Throws<ArgumentException>(() => -B(true)).Message);
        // torch.tensor([True, False]).abs() -> RuntimeError: "abs_cpu" not implemented for 'Bool'
        Assert.Equal("\"abs_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => B(true, false).Abs()).Message);
        // torch.tensor([True, False]).mean() -> RuntimeError: mean(): could not infer output dtype. ... Got: Bool
        Assert.EndsWith("Got: Bool", Assert.Throws<ArgumentException>(() => B(true, false).Mean()).Message);
        // torch.ones(2, 2).bool() @ torch.ones(2, 2).bool() -> RuntimeError: "addmm_impl_cpu_" not implemented for 'Bool'
        var m = Tensor.From([true, true, true, true], [2, 2]);
        Assert.Equal("\"addmm_impl_cpu_\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => m.MatMul(m)).Message);
        // b.argmax(1) -> RuntimeError: "argmax_cpu" not implemented for 'Bool'; b.floor() -> "floor_vml_cpu" ...; b.relu() -> Boolean inputs not supported for relu
        Assert.Equal("\"argmax_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => m.ArgMax(1)).Message);
        Assert.Equal("\"floor_vml_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => m.Floor()).Message);
        Assert.Equal("Boolean inputs not supported for relu", Assert.Throws<ArgumentException>(() => m.Relu()).Message);
        // torch.arange(0., 2., 1., dtype=torch.bool) -> RuntimeError: "arange_cpu" not implemented for 'Bool'; torch.linspace(0, 1, 3, dtype=torch.bool) -> "linspace_cpu" ...
        Assert.StartsWith("\"arange_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => Tensor.Arange(0.0, 2.0, 1.0, DType.Bool)).Message);
        Assert.StartsWith("\"arange_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => Tensor.Arange(3, DType.Bool)).Message);
        Assert.StartsWith("\"linspace_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => Tensor.Linspace(0, 1, 3, DType.Bool)).Message);
        // torch.eye(2, dtype=torch.bool) -> tensor([[ True, False],\n        [False,  True]]); torch.zeros(2, dtype=torch.bool) -> tensor([False, False])
        Assert.Equal("tensor([[ True, False],\n        [False,  True]])", Tensor.Eye(2, DType.Bool).ToString());
        Assert.Equal("tensor([False, False])", Tensor.Zeros([2], dtype: DType.Bool).ToString());
        // torch.tensor([True]).requires_grad_() -> RuntimeError: only Tensors of floating point dtype can require gradients
        Assert.Contains("only Tensors of floating point", Assert.Throws<InvalidOperationException>(() => B(true).SetRequiresGrad()).Message);
    }

    [Fact]
    public void Bool_tensors_copy_reshape_join_and_index()
    {
        // torch.cat([torch.tensor([True]), torch.tensor([False])]) -> tensor([ True, False])
        Assert.Equal("tensor([ True, False])", Tensor.Cat([B(true), B(false)]).ToString());
        // torch.tensor([[True, False]]).t() -> tensor([[ True],\n        [False]])
        Assert.Equal("tensor([[ True],\n        [False]])", Tensor.From([true, false], [1, 2]).T().ToString());
        // torch.tensor([True, False, True])[torch.tensor([2, 0])] -> tensor([True, True]); [1:] -> tensor([False,  True])
        Assert.Equal("tensor([True, True])", B(true, false, true)[Tensor.From([2L, 0])].ToString());
        Assert.Equal("tensor([False,  True])", B(true, false, true)[1..].ToString());
    }

    [Fact]
    public void Comparisons_broadcast_promote_and_never_require_grad()
    {
        // torch.tensor([[1.0], [2.0]]).gt(torch.tensor([1.0, 2.0, 3.0])) -> tensor([[False, False, False],\n        [ True, False, False]])
        Assert.Equal("tensor([[False, False, False],\n        [ True, False, False]])", Tensor.From([1.0, 2.0], [2, 1]).Gt(F(1, 2, 3)).ToString());
        // torch.tensor([1, 2, 3]).eq(2) -> tensor([False,  True, False]); .lt(2.5) -> tensor([ True,  True, False])
        Assert.Equal("tensor([False,  True, False])", Tensor.From([1L, 2, 3]).Eq(2).ToString());
        Assert.Equal("tensor([ True,  True, False])", Tensor.From([1L, 2, 3]).Lt(2.5).ToString());
        // torch.tensor([2**53 + 1]).eq(2**53) -> tensor([False]): an integer scalar compares exactly
        Assert.Equal("tensor([False])", Tensor.From([(1L << 53) + 1]).Eq(1L << 53).ToString());
        // torch.tensor([2**53 + 1]).eq(torch.tensor([2.0**53])) -> tensor([True]): both in float32
        Assert.Equal("tensor([True])", Tensor.From([(1L << 53) + 1]).Eq(Tensor.From([Math.ScaleB(1, 53)], dtype: DType.Float32)).ToString());
        // torch.tensor([0.1], dtype=torch.float32).eq(0.1) -> tensor([True]): the number is read in the tensor's dtype
        Assert.Equal("tensor([True])", Tensor.From([0.1], dtype: DType.Float32).Eq(0.1).ToString());
        // torch.tensor([1.0, float("nan")]).eq(float("nan")) -> tensor([False, False]); .ne(...) -> tensor([True, True])
        Assert.Equal("tensor([False, False])", F(1, double.NaN).Eq(double.NaN).ToString());
        Assert.Equal("tensor([True, True])", F(1, double.NaN).Ne(double.NaN).ToString());
        // torch.tensor([True, False]).eq(1) -> tensor([ True, False])
        Assert.Equal("tensor([ True, False])", B(true, false).Eq(1).ToString());
        // x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True); x.ge(2.0).requires_grad -> False, grad_fn None
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        foreach (var c in new[] { x.Eq(2), x.Ne(2), x.Lt(2), x.Le(2), x.Gt(2), x.Ge(2), x.Ge(x) })
            Assert.Equal((DType.Bool, false, (string?)null), (c.DType, c.RequiresGrad, c.GradFn?.Name));
        // x.le(2.0) -> tensor([ True,  True, False]); x.ge(2.0) -> tensor([False,  True,  True])
        Assert.Equal([1.0, 1, 0], x.Le(2).ToArray());
        Assert.Equal([0.0, 1, 1], x.Ge(2).ToArray());
        // torch.tensor([1.0, 2.0]).eq(torch.tensor([1.0, 2.0, 3.0])) -> RuntimeError: The size of tensor a (2) must match the size of tensor b (3) ...
        Assert.Throws<ArgumentException>(() => F(1, 2).Eq(F(1, 2, 3)));
    }

    [Fact]
    public void Logical_ops_read_nonzero_as_true()
    {
        // torch.tensor([0.0, 2.0]).logical_and(torch.tensor([3, 0])) -> tensor([False, False]); .logical_not() -> tensor([ True, False])
        Assert.Equal("tensor([False, False])", F(0, 2).LogicalAnd(Tensor.From([3L, 0])).ToString());
        Assert.Equal("tensor([ True, False])", F(0, 2).LogicalNot().ToString());
        // torch.tensor([0.0, 2.0]).logical_or(torch.tensor([[0], [1]])) -> tensor([[False,  True],\n        [ True,  True]])
        Assert.Equal("tensor([[False,  True],\n        [ True,  True]])", F(0, 2).LogicalOr(Tensor.From([0L, 1], [2, 1])).ToString());
        // torch.tensor([]).any() -> tensor(False); torch.tensor([]).all() -> tensor(True)
        Assert.Equal("tensor(False)", F().Any().ToString());
        Assert.Equal("tensor(True)", F().All().ToString());
    }

    [Fact]
    public void MaskedFill_broadcasts_keeps_the_dtype_and_passes_no_gradient_where_filled()
    {
        // torch.tensor([1, 2]).masked_fill(torch.tensor([True, False]), 2.5) -> tensor([2, 2])
        Assert.Equal("tensor([2, 2])", Tensor.From([1L, 2]).MaskedFill(B(true, false), 2.5).ToString());
        // torch.ones(3).masked_fill(torch.tensor([[True], [False]]), 0.0) -> tensor([[0., 0., 0.],\n        [1., 1., 1.]])
        Assert.Equal("tensor([[0., 0., 0.],\n        [1., 1., 1.]])", Tensor.Ones([3]).MaskedFill(Tensor.From([true, false], [2, 1]), 0).ToString());
        // torch.ones(2).masked_fill(torch.tensor([1, 0]), 0.0) -> tensor([0., 1.]) (1.13 still reads a Long mask's nonzeros)
        Assert.Equal("tensor([0., 1.])", Tensor.Ones([2]).MaskedFill(Tensor.From([1L, 0]), 0).ToString());
        // x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True); x.masked_fill(torch.tensor([True, False, True]), 0.0).mul(torch.tensor([1.0, 2.0, 3.0])).sum().backward(); x.grad -> tensor([0., 2., 0.])
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        (x.MaskedFill(B(true, false, true), 0) * F(1, 2, 3)).Sum().Backward();
        Assert.Equal([0.0, 2, 0], x.Grad!.ToArray());
        // torch.ones(2, 3).masked_fill(torch.ones(4, 3).bool(), 1.0) -> RuntimeError: The size of tensor a (4) must match ...
        Assert.Throws<ArgumentException>(() => Tensor.Ones([2, 3]).MaskedFill(Tensor.Ones([4, 3]).To(DType.Bool), 1));
    }

    [Fact]
    public void Clamp_passes_the_gradient_inside_the_bounds_boundaries_included()
    {
        // x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True); x.clamp(1.0, 2.0).sum().backward(); x.grad -> tensor([1., 1., 0.])
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        x.Clamp(1, 2).Sum().Backward();
        Assert.Equal([1.0, 1, 0], x.Grad!.ToArray());
        // x.clamp_min(2.0) grad -> tensor([0., 1., 1.]); x.clamp_max(2.0) grad -> tensor([1., 1., 0.])
        var y = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        y.ClampMin(2).Sum().Backward();
        Assert.Equal([0.0, 1, 1], y.Grad!.ToArray());
        var z = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        z.ClampMax(2).Sum().Backward();
        Assert.Equal([1.0, 1, 0], z.Grad!.ToArray());
        // x.clamp(max=2.0).grad_fn -> ClampBackward1
        Assert.Equal("ClampBackward1", x.Clamp(max: 2).GradFn!.Name);
    }

    [Fact]
    public void Clamp_keeps_Int64_for_integral_bounds_and_NaN_and_crossed_bounds_as_PyTorch()
    {
        // torch.tensor([1, 5, 9]).clamp(2, 6) -> tensor([2, 5, 6]); .clamp(2.5, 6) -> tensor([2.5000, 5.0000, 6.0000]); .clamp_min(4) -> tensor([4, 5, 9])
        Assert.Equal("tensor([2, 5, 6])", Tensor.From([1L, 5, 9]).Clamp(2, 6).ToString());
        Assert.Equal("tensor([2.5000, 5.0000, 6.0000])", Tensor.From([1L, 5, 9]).Clamp(2.5, 6).ToString());
        Assert.Equal("tensor([4, 5, 9])", Tensor.From([1L, 5, 9]).ClampMin(4).ToString());
        // torch.tensor([1.0, float("nan"), 3.0]).clamp(2.0, 1.0) -> tensor([1., nan, 1.])
        Assert.Equal("tensor([1., nan, 1.])", Tensor.From([1.0, double.NaN, 3.0], dtype: DType.Float32).Clamp(2, 1).ToString());
        // torch.tensor([1.0]).clamp() -> RuntimeError: torch.clamp: At least one of 'min' or 'max' must not be None
        Assert.Equal("torch.clamp: At least one of 'min' or 'max' must not be None", Assert.Throws<ArgumentException>(() => F(1).Clamp()).Message);
    }

    [Fact]
    public void Where_broadcasts_all_three_and_takes_numbers_as_PyTorch()
    {
        // torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), 3) -> tensor([1, 3])
        var ints = Tensor.Where(B(true, false), Tensor.From([1L, 2]), 3);
        Assert.Equal((DType.Int64, "tensor([1, 3])"), (ints.DType, ints.ToString()));
        // torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), 3.5) -> tensor([1.0000, 3.5000])
        Assert.Equal("tensor([1.0000, 3.5000])", Tensor.Where(B(true, false), Tensor.From([1L, 2]), 3.5).ToString());
        // torch.where(torch.tensor([True, False]), 2.5, torch.tensor([1, 2])) -> tensor([2.5000, 2.0000]) (float32)
        var left = Tensor.Where(B(true, false), 2.5, Tensor.From([1L, 2]));
        Assert.Equal((DType.Float32, "tensor([2.5000, 2.0000])"), (left.DType, left.ToString()));
        // torch.where(torch.tensor([[True], [False]]), torch.tensor([1.0, 2.0]), torch.tensor(0.0)) -> tensor([[1., 2.],\n        [0., 0.]])
        Assert.Equal("tensor([[1., 2.],\n        [0., 0.]])",
            Tensor.Where(Tensor.From([true, false], [2, 1]), Tensor.From([1.0, 2.0], dtype: DType.Float32), Tensor.Zeros([])).ToString());
        // torch.where(torch.tensor([True, False]), torch.tensor([True, True]), torch.tensor([False, False])) -> tensor([ True, False])
        Assert.Equal("tensor([ True, False])", Tensor.Where(B(true, false), B(true, true), B(false, false)).ToString());
        // torch.where(torch.tensor([1, 0]), torch.ones(2), torch.zeros(2)) -> RuntimeError: where expected condition to be a boolean tensor, but got a tensor with dtype Long
        Assert.Equal("where expected condition to be a boolean tensor, but got a tensor with dtype Long",
            Assert.Throws<ArgumentException>(() => Tensor.Where(Tensor.From([1L, 0]), Tensor.Ones([2]), Tensor.Zeros([2]))).Message);
        // x = torch.tensor([1.0, 2.0], requires_grad=True); torch.where(torch.tensor([[True], [False]]), x, 0.0).sum().backward(); x.grad -> tensor([1., 1.])
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = Tensor.Where(Tensor.From([true, false], [2, 1]), x, 0.0);
        Assert.Equal("WhereBackward0", y.GradFn!.Name);
        Assert.Equal([2, 2], y.Shape);
        y.Sum().Backward();
        Assert.Equal([1.0, 1], x.Grad!.ToArray());
    }

    [Fact]
    public void A_Bool_mask_selects_its_true_positions_over_its_dims()
    {
        // torch.arange(12.).reshape(4, 3)[torch.tensor([True, False, True, False])] -> tensor([[0., 1., 2.],\n        [6., 7., 8.]])
        Assert.Equal("tensor([[0., 1., 2.],\n        [6., 7., 8.]], grad_fn=<IndexBackward0>)", Grid()[B(true, false, true, false)].ToString());
        // torch.arange(12.).reshape(4, 3)[:, torch.tensor([False, True, True])] -> values [1, 2, 4, 5, 7, 8, 10, 11], shape [4, 2]
        var columns = Grid()[.., B(false, true, true)];
        Assert.Equal([4, 2], columns.Shape);
        Assert.Equal([1.0, 2, 4, 5, 7, 8, 10, 11], columns.ToArray());
        // g = torch.arange(12.).reshape(4, 3); g[g % 5 == 0] -> tensor([ 0.,  5., 10.]); its gradient is 1 at the selected elements
        var g = Grid();
        var picked = g[Tensor.From(Enumerable.Range(0, 12).Select(k => k % 5 == 0).ToArray(), [4, 3])];
        Assert.Equal("tensor([ 0.,  5., 10.], grad_fn=<IndexBackward0>)", picked.ToString());
        picked.Sum().Backward();
        Assert.Equal([1.0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], g.Grad!.ToArray());
        // torch.arange(6.).reshape(2, 3)[torch.tensor(True)].shape -> [1, 2, 3]; [torch.tensor(False)].shape -> [0, 2, 3]
        var six = Tensor.From([0.0, 1, 2, 3, 4, 5], [2, 3]);
        Assert.Equal([1, 2, 3], six[Tensor.From([true], [])].Shape);
        Assert.Equal([0, 2, 3], six[Tensor.From([false], [])].Shape);
        // torch.ones(4, 3)[torch.tensor([True, False])] -> IndexError: The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [4, 3] at index 0
        Assert.Equal("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [4, 3] at index 0",
            Assert.Throws<ArgumentException>(() => Tensor.Ones([4, 3])[B(true, false)]).Message);
    }
}
