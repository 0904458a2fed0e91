namespace Nabla.Examples;

/// <summary>
/// Tensor.Einsum (issue 13) beyond the From PyTorch table: products against MatMul, the implicit output's order,
/// ellipsis broadcasting, three operands, gradients, empty and 0-dimensional operands, Int64, and every error. Each
/// expected value is what PyTorch 1.13 gives for the line in the comment above it (torch.set_default_dtype(torch.float64);
/// r(n, *s) = torch.arange(float(n)).reshape(*s)); small integers, so exact in any summation order.
/// </summary>
public class EinsumTests
{
    static Tensor R(params int[] shape) =>
        Tensor.From([.. Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(k => (double)k)], shape, dtype: DType.Float64);

    static Tensor F64(params double[] values) => Tensor.From(values, dtype: DType.Float64);

    // -----------------------------------------------------------------------------------------------------------------
    // Products

    [Fact]
    public void Attention_scores_are_the_product_with_the_transposed_keys()
    {
        // scores[b, h, q, k] = Σ_d Q[b, h, q, d]·K[b, h, k, d], in Float32: two summation orders of the same d products
        // differ by at most 2·d·ε·Σ_d |Q·K| (Higham's bound for each, products with or without FMA).
        const int b = 2, h = 3, q = 5, k = 7, d = 16;
        var queries = Tensor.Randn([b, h, q, d], seed: 1);
        var keys = Tensor.Randn([b, h, k, d], seed: 2);
        var scores = Tensor.Einsum("bhqd,bhkd->bhqk", queries, keys);
        var expected = queries.MatMul(keys.Transpose(-2, -1));
        Assert.Equal([b, h, q, k], scores.Shape);
        Assert.Equal(DType.Float32, scores.DType);
        var (qs, ks, actual, reference) = (queries.ToArray(), keys.ToArray(), scores.ToArray(), expected.ToArray());
        for (var bh = 0; bh < b * h; bh++)
            for (var i = 0; i < q; i++)
                for (var j = 0; j < k; j++)
                {
                    var magnitude = 0.0;
                    for (var e = 0; e < d; e++) magnitude += Math.Abs(qs[(bh * q + i) * d + e] * ks[(bh * k + j) * d + e]);
                    var at = (bh * q + i) * k + j;
                    Approx.Within(reference[at], actual[at], 2 * d * Approx.Eps32 * magnitude, $"scores element {at}");
                }
    }

    [Fact]
    public void A_matrix_product_and_its_gradients_are_PyTorch_s()
    {
        // a = r(6,2,3).requires_grad_(); b = r(12,3,4).requires_grad_(); y = torch.einsum('ij,jk->ik', a, b)
        // y -> [20, 23, 26, 29, 56, 68, 80, 92]; (y*r(8,2,4)).sum().backward()
        // a.grad -> [14, 38, 62, 38, 126, 214]; b.grad -> [12, 15, 18, 21, 16, 21, 26, 31, 20, 27, 34, 41]
        var a = R(2, 3).SetRequiresGrad();
        var b = R(3, 4).SetRequiresGrad();
        var y = Tensor.Einsum("ij,jk->ik", a, b);
        Assert.Equal([20.0, 23, 26, 29, 56, 68, 80, 92], y.ToArray());
        Assert.Equal("ViewBackward0", y.GradFn?.Name);
        (y * R(2, 4)).Sum().Backward();
        Assert.Equal([14.0, 38, 62, 38, 126, 214], a.Grad!.ToArray());
        Assert.Equal([12.0, 15, 18, 21, 16, 21, 26, 31, 20, 27, 34, 41], b.Grad!.ToArray());
    }

    [Fact]
    public void A_repeated_subscript_takes_the_diagonal_and_its_gradient_lies_on_it()
    {
        // m = r(9,3,3).requires_grad_(); (torch.einsum('ii->i', m)*torch.tensor([1.,2,3])).sum().backward()
        // m.grad -> [1, 0, 0, 0, 2, 0, 0, 0, 3]
        var m = R(3, 3).SetRequiresGrad();
        (Tensor.Einsum("ii->i", m) * F64(1, 2, 3)).Sum().Backward();
        Assert.Equal([1.0, 0, 0, 0, 2, 0, 0, 0, 3], m.Grad!.ToArray());

        // torch.einsum('iij', r(12,2,2,3)) -> [9, 11, 13]; torch.einsum('iij->ji', r(12,2,2,3)) -> [0, 9, 1, 10, 2, 11]
        Assert.Equal([9.0, 11, 13], Tensor.Einsum("iij", R(2, 2, 3)).ToArray());
        Assert.Equal([0.0, 9, 1, 10, 2, 11], Tensor.Einsum("iij->ji", R(2, 2, 3)).ToArray());
        // torch.einsum('...ii->...', r(18,2,3,3)) -> [12, 39]: a trace per batch
        Assert.Equal([12.0, 39], Tensor.Einsum("...ii->...", R(2, 3, 3)).ToArray());
        // torch.einsum('ij,ji', r(4,2,2), r(4,2,2)) -> 13.: trace(A·B), every subscript contracted
        Assert.Equal(13.0, Tensor.Einsum("ij,ji", R(2, 2), R(2, 2)).Item());
    }

    [Fact]
    public void The_implicit_output_lists_the_subscripts_seen_once_alphabetically_upper_case_first()
    {
        // torch.einsum('bA', r(6,2,3)) -> shape [3, 2], [0, 3, 1, 4, 2, 5]: output "Ab", a transpose
        var bA = Tensor.Einsum("bA", R(2, 3));
        Assert.Equal([3, 2], bA.Shape);
        Assert.Equal([0.0, 3, 1, 4, 2, 5], bA.ToArray());
        // torch.einsum('Ba', r(6,2,3)) -> shape [2, 3], unchanged: output "Ba"
        Assert.Equal([0.0, 1, 2, 3, 4, 5], Tensor.Einsum("Ba", R(2, 3)).ToArray());
        // torch.einsum('kj,ji', r(6,2,3), r(12,3,4)) -> shape [4, 2] ("ik", the product transposed)
        var kj = Tensor.Einsum("kj,ji", R(2, 3), R(3, 4));
        Assert.Equal([4, 2], kj.Shape);
        Assert.Equal([20.0, 56, 23, 68, 26, 80, 29, 92], kj.ToArray());
        // torch.einsum('jik', r(24,2,3,4)).shape -> [3, 2, 4]
        Assert.Equal([3, 2, 4], Tensor.Einsum("jik", R(2, 3, 4)).Shape);
        // torch.einsum(' i j -> j i ', r(6,2,3)) -> [0, 3, 1, 4, 2, 5]: spaces anywhere
        Assert.Equal([0.0, 3, 1, 4, 2, 5], Tensor.Einsum(" i j -> j i ", R(2, 3)).ToArray());
    }

    [Fact]
    public void The_ellipsis_broadcasts_batch_dims_of_different_ranks()
    {
        // A = r(12,2,1,2,3); B = r(24,4,3,2); torch.einsum('...ij,...jk->...ik', A, B) equals A @ B, shape [2, 4, 2, 2]
        var (a, b) = (R(2, 1, 2, 3), R(4, 3, 2));
        var y = Tensor.Einsum("...ij,...jk->...ik", a, b);
        Assert.Equal([2, 4, 2, 2], y.Shape);
        Assert.Equal(a.MatMul(b).ToArray(), y.ToArray());
        // torch.einsum('...ij,...jk', A, B).shape -> [2, 4, 2, 2]: the implicit output starts with the ellipsis
        Assert.Equal(a.MatMul(b).ToArray(), Tensor.Einsum("...ij,...jk", a, b).ToArray());
        // torch.einsum('...ij->ij', r(24,2,3,4)) -> [12, 14, ..., 34]: an ellipsis not in the output is summed
        Assert.Equal([12.0, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34], Tensor.Einsum("...ij->ij", R(2, 3, 4)).ToArray());
        // torch.einsum('i...->...', r(24,2,3,4)).shape -> [3, 4]
        Assert.Equal([3, 4], Tensor.Einsum("i...->...", R(2, 3, 4)).Shape);
        // torch.einsum('i...,i...->...', r(6,2,3), r(6,2,3)+1) -> [12, 22, 36]
        Assert.Equal([12.0, 22, 36], Tensor.Einsum("i...,i...->...", R(2, 3), R(2, 3) + 1).ToArray());
        // torch.einsum('ij,j->i', r(6,2,3), torch.tensor([2.])) -> [6, 24]: a subscript of size 1 broadcasts too
        Assert.Equal([6.0, 24], Tensor.Einsum("ij,j->i", R(2, 3), F64(2)).ToArray());
    }

    [Fact]
    public void Three_operands_contract_left_to_right()
    {
        // torch.einsum('ij,jk,kl->il', r(6,2,3), r(12,3,4), r(8,4,2)) -> [324, 422, 1008, 1304]
        var (a, b, c) = (R(2, 3), R(3, 4), R(4, 2));
        Assert.Equal([324.0, 422, 1008, 1304], Tensor.Einsum("ij,jk,kl->il", a, b, c).ToArray());
        Assert.Equal(a.MatMul(b).MatMul(c).ToArray(), Tensor.Einsum("ij,jk,kl->il", a, b, c).ToArray());
        // torch.einsum('i,i,i->', r(3,3), r(3,3)+1, r(3,3)+2) -> 30.
        Assert.Equal(30.0, Tensor.Einsum("i,i,i->", R(3), R(3) + 1, R(3) + 2).Item());
        // torch.einsum('i,j,k->ijk', r(2,2)+1, r(3,3)+1, r(2,2)+1) -> [1, 2, 2, 4, 3, 6, 2, 4, 4, 8, 6, 12]: products only
        var outer = Tensor.Einsum("i,j,k->ijk", R(2) + 1, R(3) + 1, R(2) + 1);
        Assert.Equal([2, 3, 2], outer.Shape);
        Assert.Equal([1.0, 2, 2, 4, 3, 6, 2, 4, 4, 8, 6, 12], outer.ToArray());
    }

    [Fact]
    public void Empty_and_zero_dimensional_operands_and_dtypes_follow_PyTorch()
    {
        // torch.einsum('ij,jk->ik', torch.zeros(2,0), torch.zeros(0,3)) -> zeros (2, 3): an empty sum
        var empty = Tensor.Einsum("ij,jk->ik", Tensor.Zeros([2, 0]), Tensor.Zeros([0, 3]));
        Assert.Equal([2, 3], empty.Shape);
        Assert.Equal(new double[6], empty.ToArray());
        // torch.einsum('i->', torch.zeros(0)) -> 0.; torch.einsum('ij,jk->ik', torch.zeros(0,2), torch.zeros(2,3)).shape -> [0, 3]
        Assert.Equal(0.0, Tensor.Einsum("i->", Tensor.Zeros([0])).Item());
        Assert.Equal([0, 3], Tensor.Einsum("ij,jk->ik", Tensor.Zeros([0, 2]), Tensor.Zeros([2, 3])).Shape);
        // torch.einsum('', torch.tensor(3.)) -> 3.; torch.einsum(',', torch.tensor(3.), torch.tensor(2.)) -> 6.
        Assert.Equal(3.0, Tensor.Einsum("", Tensor.Scalar(3)).Item());
        Assert.Equal(3.0, Tensor.Einsum("->", Tensor.Scalar(3)).Item());
        Assert.Equal(6.0, Tensor.Einsum(",", Tensor.Scalar(3), Tensor.Scalar(2)).Item());
        // torch.einsum('ij,jk->ik', torch.arange(6).reshape(2,3), torch.arange(12).reshape(3,4)) -> [[20, 23, 26, 29], [56, 68, 80, 92]]
        var ints = Tensor.Einsum("ij,jk->ik", Tensor.From([0L, 1, 2, 3, 4, 5], [2, 3]), Tensor.From(Enumerable.Range(0, 12).Select(k => (long)k).ToArray(), [3, 4]));
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal([20L, 23, 26, 29, 56, 68, 80, 92], ints.ToInt64Array());
        // torch.einsum('i,i->i', torch.tensor([1, 2]), torch.tensor([1.5, 2])) -> [1.5, 4.] (float64): a product promotes
        var mixed = Tensor.Einsum("i,i->i", Tensor.From([1L, 2]), F64(1.5, 2));
        Assert.Equal(DType.Float64, mixed.DType);
        Assert.Equal([1.5, 4.0], mixed.ToArray());
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Errors: PyTorch's words, prefixed "einsum(): ", then the equation and the operands' shapes.

    static void Fails(string pytorch, string equation, params Tensor[] operands)
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Einsum(equation, operands));
        Assert.StartsWith(pytorch, e.Message, StringComparison.Ordinal);
        Assert.Contains($"equation \"{equation}\"", e.Message, StringComparison.Ordinal);
        foreach (var o in operands) Assert.Contains($"[{string.Join(", ", o.Shape)}]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_operand_count_must_match_the_equation()
    {
        // torch._C._VariableFunctions.einsum('ij', []) -> einsum(): must provide at least one operand
        Fails("einsum(): must provide at least one operand", "ij");
        // torch.einsum('ij,jk->ik', a) -> einsum(): fewer operands were provided than specified in the equation
        Fails("einsum(): fewer operands were provided than specified in the equation", "ij,jk->ik", R(2, 3));
        // torch.einsum(',ij', a) -> the same
        Fails("einsum(): fewer operands were provided than specified in the equation", ",ij", R(2, 3));
        // torch.einsum('ij->ik', a, b) -> einsum(): more operands were provided than specified in the equation
        Fails("einsum(): more operands were provided than specified in the equation", "ij->ik", R(2, 3), R(3, 4));
    }

    [Fact]
    public void The_equation_must_be_well_formed()
    {
        var a = R(2, 3);
        // torch.einsum('i.j', a) -> einsum(): found '.' for operand 0 that is not part of any ellipsis
        Fails("einsum(): found '.' for operand 0 that is not part of any ellipsis", "i.j", a);
        Fails("einsum(): found '.' for operand 0 that is not part of any ellipsis", "i..", a);
        // torch.einsum('...i...', a) -> einsum(): found '.' for operand 0 for which an ellipsis was already found
        Fails("einsum(): found '.' for operand 0 for which an ellipsis was already found", "...i...", a);
        // torch.einsum('ij->i.', a) -> einsum(): found '.' for output that is not part of any ellipsis (...)
        Fails("einsum(): found '.' for output that is not part of any ellipsis (...)", "ij->i.", a);
        // torch.einsum('ij->......', a) -> einsum(): found '.' for output but an ellipsis (...) was already found
        Fails("einsum(): found '.' for output but an ellipsis (...) was already found", "ij->......", a);
        // torch.einsum('i1', a) -> einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]
        Fails("einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]", "i1", a);
        // torch.einsum('ij->i1', a) -> ... at index 5 ...; torch.einsum('ij- >i', a) -> ... at index 2 ... (no arrow: '-' is a subscript)
        Fails("einsum(): invalid subscript given at index 5 in the equation string, subscripts must be in [a-zA-Z]", "ij->i1", a);
        Fails("einsum(): invalid subscript given at index 2 in the equation string, subscripts must be in [a-zA-Z]", "ij- >i", a);
        // torch.einsum('ij->k', a) -> einsum(): output subscript k does not appear in the equation for any input operand
        Fails("einsum(): output subscript k does not appear in the equation for any input operand", "ij->k", a);
        // torch.einsum('ij->ii', a) -> einsum(): output subscript i appears more than once in the output
        Fails("einsum(): output subscript i appears more than once in the output", "ij->ii", a);
    }

    [Fact]
    public void The_subscripts_must_fit_the_operands()
    {
        var (a, b) = (R(2, 3), R(3, 4));
        // torch.einsum('ijk', a) -> einsum(): the number of subscripts in the equation (3) does not match the number of
        // dimensions (2) for operand 0 and no ellipsis was given
        Fails("einsum(): the number of subscripts in the equation (3) does not match the number of dimensions (2) for operand 0 and no ellipsis was given", "ijk", a);
        // torch.einsum('ij->i.', v): the operands are checked before the output is read
        Fails("einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (1) for operand 0 and no ellipsis was given", "ij->i.", R(3));
        // torch.einsum('...ijk', a) -> einsum(): the number of subscripts in the equation (3) is more than the number of dimensions (2) for operand 0
        Fails("einsum(): the number of subscripts in the equation (3) is more than the number of dimensions (2) for operand 0", "...ijk", a);
        // torch.einsum('ij,jk->ik', a, a) -> einsum(): subscript j has size 2 for operand 1 which does not broadcast with previously seen size 3
        Fails("einsum(): subscript j has size 2 for operand 1 which does not broadcast with previously seen size 3", "ij,jk->ik", a, a);
        // torch.einsum('ij,kj->ik', a, b) -> einsum(): subscript j has size 4 for operand 1 which does not broadcast with previously seen size 3
        Fails("einsum(): subscript j has size 4 for operand 1 which does not broadcast with previously seen size 3", "ij,kj->ik", a, b);
        // torch.einsum('ii', a) -> einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2
        Fails("einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2", "ii", a);
        // torch.einsum('iji', torch.randn(2,3,4)) -> ... 4 != 2
        Fails("einsum(): subscript i is repeated for operand 0 but the sizes don't match, 4 != 2", "iji", R(2, 3, 4));
        // torch.einsum('...i,...i->...', torch.randn(2,3), torch.randn(4,3)) -> einsum(): dimension 0 covered by ellipsis in
        // operand 1has size 4 which does not broadcast with previously seen ellipsis with size 2 for the respective dimension
        // (PyTorch's "operand 1has", 2.x's too, gets its space here)
        Fails("einsum(): dimension 0 covered by ellipsis in operand 1 has size 4 which does not broadcast with previously seen ellipsis with size 2 for the respective dimension",
              "...i,...i->...", R(2, 3), R(4, 3));
    }

    [Fact]
    public void A_contraction_does_not_promote_dtypes()
    {
        // torch.einsum('ij,j', torch.randn(2,3), torch.randn(3, dtype=torch.float64)) -> expected scalar type Float but found Double (bmm's words)
        Fails("einsum(): expected scalar type Float but found Double", "ij,j", Tensor.Zeros([2, 3]), Tensor.Zeros([3], dtype: DType.Float64));
        // torch.einsum('j,ij', torch.randn(3, dtype=torch.float64), torch.randn(2,3)) -> expected scalar type Double but found Float
        Fails("einsum(): expected scalar type Double but found Float", "j,ij", Tensor.Zeros([3], dtype: DType.Float64), Tensor.Zeros([2, 3]));
        // torch.einsum('i,i', torch.tensor([1, 2]), torch.tensor([1., 2])) -> expected scalar type Long but found Float
        Fails("einsum(): expected scalar type Long but found Float", "i,i", Tensor.From([1L, 2]), Tensor.From([1.0, 2.0]));
        // torch.einsum('ij,jk,kl->il', a, b, c64) -> expected scalar type Float but found Double: the running result against the third
        Fails("einsum(): expected scalar type Float but found Double", "ij,jk,kl->il",
              Tensor.Zeros([2, 3]), Tensor.Zeros([3, 4]), Tensor.Zeros([4, 2], dtype: DType.Float64));
    }
}
