namespace Nabla.Examples;

/// <summary>
/// The vocabulary's shape and matrix members (issue 13) beyond the From PyTorch table: gradients, negative dims,
/// 0-dimensional and empty tensors, Int64 data, views of inference tensors, and errors. Each expected value is what
/// PyTorch 1.13 gives for the line in the comment above it (default dtype float64 where gradients are compared).
/// </summary>
public class ShapeVocabularyTests
{
    static Tensor F64(double[] values, params int[] shape) => Tensor.From(values, shape, requiresGrad: true, dtype: DType.Float64);

    static double[] Range(int n) => Enumerable.Range(0, n).Select(k => (double)k).ToArray();

    static Tensor Weights(params int[] shape) => Tensor.From(Range(shape.Aggregate(1, (a, b) => a * b)), shape, dtype: DType.Float64);

    /// <summary>Fails unless <paramref name="message"/> contains every one of <paramref name="parts"/>, quoting it.</summary>
    static void Contains(string message, params string[] parts)
    {
        var missing = parts.Where(p => !message.Contains(p, StringComparison.Ordinal)).ToArray();
        if (missing.Length > 0)
            throw new Xunit.Sdk.XunitException($"the message lacks {string.Join(" and ", missing.Select(p => $"\"{p}\""))}: \"{message}\"");
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Gradients (all values small integers: exact in Float64)

    [Fact]
    public void Gradients_through_the_shape_ops_are_PyTorch_s()
    {
        // x = torch.arange(6.).reshape(2,3).requires_grad_(); (x.repeat(2,2)*torch.arange(24.).reshape(4,6)).sum().backward()
        // x.grad -> [30, 34, 38, 54, 58, 62]: each element's four tiles summed
        var x = F64(Range(6), 2, 3);
        (x.Repeat(2, 2) * Weights(4, 6)).Sum().Backward();
        Assert.Equal([30.0, 34, 38, 54, 58, 62], x.Grad!.ToArray());

        // x3 = torch.arange(24.).reshape(2,3,4).requires_grad_(); (x3.permute(2,0,1)*torch.arange(24.).reshape(4,2,3)).sum().backward()
        var x3 = F64(Range(24), 2, 3, 4);
        (x3.Permute(2, 0, 1) * Weights(4, 2, 3)).Sum().Backward();
        Assert.Equal([0.0, 6, 12, 18, 1, 7, 13, 19, 2, 8, 14, 20, 3, 9, 15, 21, 4, 10, 16, 22, 5, 11, 17, 23], x3.Grad!.ToArray());

        // (x.flip(1)*torch.tensor([[1.,2,3],[4,5,6]])).sum().backward(); x.grad -> [3, 2, 1, 6, 5, 4]
        var y = F64(Range(6), 2, 3);
        (y.Flip(1) * Tensor.From([1.0, 2, 3, 4, 5, 6], [2, 3], dtype: DType.Float64)).Sum().Backward();
        Assert.Equal([3.0, 2, 1, 6, 5, 4], y.Grad!.ToArray());
    }

    [Fact]
    public void Gradients_through_the_matrix_ops_are_PyTorch_s()
    {
        // m = torch.arange(9.).reshape(3,3).requires_grad_(); (m.diagonal(1)*torch.tensor([1.,2])).sum().backward()
        // m.grad -> [0, 1, 0, 0, 0, 2, 0, 0, 0]
        var m = F64(Range(9), 3, 3);
        (m.Diagonal(1) * Tensor.From([1.0, 2.0], dtype: DType.Float64)).Sum().Backward();
        Assert.Equal([0.0, 1, 0, 0, 0, 2, 0, 0, 0], m.Grad!.ToArray());

        // x = torch.arange(6.).reshape(2,3).requires_grad_(); x.trace() -> 4.; x.trace().backward(); x.grad -> [1, 0, 0, 0, 1, 0]
        var x = F64(Range(6), 2, 3);
        var trace = x.Trace();
        Assert.Equal(4.0, trace.Item());
        trace.Backward();
        Assert.Equal([1.0, 0, 0, 0, 1, 0], x.Grad!.ToArray());

        // v = torch.tensor([1.,2,3], requires_grad=True); (torch.diag(v,-1)*torch.arange(16.).reshape(4,4)).sum().backward()
        // v.grad -> [4, 9, 14]
        var v = F64([1.0, 2, 3], 3);
        (Tensor.Diag(v, -1) * Weights(4, 4)).Sum().Backward();
        Assert.Equal([4.0, 9, 14], v.Grad!.ToArray());

        // m.grad = None; (torch.tril(m,-1)*torch.arange(9.).reshape(3,3)).sum().backward(); m.grad -> [0, 0, 0, 3, 0, 0, 6, 7, 0]
        var n = F64(Range(9), 3, 3);
        (Tensor.Tril(n, -1) * Weights(3, 3)).Sum().Backward();
        Assert.Equal([0.0, 0, 0, 3, 0, 0, 6, 7, 0], n.Grad!.ToArray());

        // a = torch.tensor([1.,2], requires_grad=True); b = torch.tensor([3.,4,5], requires_grad=True)
        // (a.outer(b)*torch.arange(6.).reshape(2,3)).sum().backward(); a.grad -> [14, 50]; b.grad -> [6, 9, 12]
        var a = F64([1.0, 2], 2);
        var b = F64([3.0, 4, 5], 3);
        (a.Outer(b) * Weights(2, 3)).Sum().Backward();
        Assert.Equal([14.0, 50], a.Grad!.ToArray());
        Assert.Equal([6.0, 9, 12], b.Grad!.ToArray());
    }

    [Fact]
    public void Second_derivatives_through_the_shape_and_matrix_ops_match_finite_differences()
    {
        // Each op is linear, so Σ op(x)² has the Hessian 2·Lᵀ·L: differentiating the recorded backward goes through
        // the adjoints' own rules (inverse permute, tile sums, diagonal scatter, masks).
        var x = Tensor.From([0.3, -1.2, 0.7, 2.0, -0.4, 1.1, 0.9, -0.8, 0.5, 1.6, -2.1, 0.2], [3, 4], requiresGrad: true, dtype: DType.Float64);
        Func<Tensor, Tensor>[] ops =
        [
            t => t.Permute(1, 0) * t.T(),
            t => t.Repeat(2, 1, 3),
            t => t.Flip(0, 1) * t,
            t => t.Expand(2, -1, 4),
            t => t.Unflatten(1, [2, 2]).Flatten(0, 1),
            t => t.Diagonal(1) * t.Diagonal(-1, 1, 0),
            t => Tensor.Diag(t.Diagonal()) * t.Trace(),
            t => t.Tril(1) * t.Triu(-1),
            t => t[0].Outer(t[1]),
        ];
        foreach (var op in ops)
            Assert.True(Autograd.GradGradCheck(xs => (op(xs[0]) * op(xs[0])).Sum(), [x]));
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Negative dims, scalars, empty results

    [Fact]
    public void Negative_dims_count_from_the_end()
    {
        var x = Tensor.From(Range(24), [2, 3, 4]);
        // x.permute(-1, 0, 1) is x.permute(2, 0, 1): shape [4, 2, 3]
        Assert.Equal(x.Permute(2, 0, 1).ToArray(), x.Permute(-1, 0, 1).ToArray());
        Assert.Equal([4, 2, 3], x.Permute(-1, 0, 1).Shape);
        // x.flip(-1) is x.flip(2)
        Assert.Equal(x.Flip(2).ToArray(), x.Flip(-1).ToArray());
        // x.diagonal(0, -1, -2).shape -> [2, 3]; it is x.diagonal(0, 2, 1)
        Assert.Equal([2, 3], x.Diagonal(0, -1, -2).Shape);
        Assert.Equal(x.Diagonal(0, 2, 1).ToArray(), x.Diagonal(0, -1, -2).ToArray());
        // x.flatten(-2).shape -> [2, 12]; x.unflatten(-1, (2, -1)).shape -> [2, 3, 2, 2]
        Assert.Equal([2, 12], x.Flatten(-2).Shape);
        Assert.Equal([2, 3, 2, 2], x.Unflatten(-1, [2, -1]).Shape);
    }

    [Fact]
    public void Zero_dimensional_tensors_work_as_in_PyTorch()
    {
        // s = torch.tensor(2., requires_grad=True)
        // s.expand(3) -> tensor([2., 2., 2.], grad_fn=<ExpandBackward0>); s.repeat(2) -> tensor([2., 2.], grad_fn=<RepeatBackward0>)
        // s.flip(0) -> tensor(2., grad_fn=<FlipBackward0>); s.flatten() -> tensor([2.], grad_fn=<ReshapeAliasBackward0>)
        // s.squeeze() -> tensor(2., grad_fn=<SqueezeBackward0>); s.permute(()) -> tensor(2., grad_fn=<PermuteBackward0>)
        var s = Tensor.Scalar(2, requiresGrad: true);
        Assert.Equal("tensor([2., 2., 2.], grad_fn=<ExpandBackward0>)", s.Expand(3).ToString());
        Assert.Equal("tensor([2., 2.], grad_fn=<RepeatBackward0>)", s.Repeat(2).ToString());
        Assert.Equal("tensor(2., grad_fn=<FlipBackward0>)", s.Flip(0).ToString());
        Assert.Equal("tensor([2.], grad_fn=<ReshapeAliasBackward0>)", s.Flatten().ToString());
        Assert.Equal("tensor(2., grad_fn=<SqueezeBackward0>)", s.Squeeze().ToString());
        Assert.Equal("tensor(2., grad_fn=<PermuteBackward0>)", s.Permute().ToString());
    }

    [Fact]
    public void Empty_results_have_PyTorch_s_shapes()
    {
        var z = Tensor.Zeros([2, 3, 4], requiresGrad: true);
        // z.diagonal(5).shape -> [4, 0]; m.diagonal(-3).shape -> [0] for a 3×3 m
        Assert.Equal([4, 0], z.Diagonal(5).Shape);
        Assert.Equal([0], Tensor.Zeros([3, 3]).Diagonal(-3).Shape);
        // z.repeat(0,1,1).shape -> [0, 3, 4]
        Assert.Equal([0, 3, 4], z.Repeat(0, 1, 1).Shape);
        // z.repeat(0,1,1).sum().backward(); z.grad -> zeros
        z.Repeat(0, 1, 1).Sum().Backward();
        Assert.All(z.Grad!.ToArray(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Flatten_of_one_dimension_returns_the_tensor_itself()
    {
        // v = torch.tensor([1., 2., 3.], requires_grad=True); v.flatten() is v -> True; x.flatten(1, 1) is x -> True
        var v = Tensor.From([1.0, 2, 3], requiresGrad: true);
        Assert.Same(v, v.Flatten());
        var x = Tensor.Zeros([2, 3, 4], requiresGrad: true);
        Assert.Same(x, x.Flatten(1, 1));
        // x.flatten(1).grad_fn -> <ReshapeAliasBackward0>
        Assert.Equal("ReshapeAliasBackward0", x.Flatten(1).GradFn?.Name);
    }

    [Fact]
    public void Expand_to_the_same_shape_is_recorded()
    {
        // x = torch.zeros(2, 3, requires_grad=True); x.expand(2, 3).grad_fn -> <ExpandBackward0>; x.expand(-1, -1) too
        var x = Tensor.Zeros([2, 3], requiresGrad: true);
        Assert.Equal("ExpandBackward0", x.Expand(2, 3).GradFn?.Name);
        Assert.Equal("ExpandBackward0", x.Expand(-1, -1).GradFn?.Name);
    }

    [Fact]
    public void View_of_a_transposed_tensor_works_as_its_reshape_does()
    {
        // Deviation: torch.randn(2,3).t().view(-1) -> RuntimeError: view size is not compatible with input tensor's size
        // and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.
        // Nabla's values are always contiguous (a transpose copies), so View never meets that case; it gives what
        // torch.tensor([[0.,1,2],[3,4,5]]).t().reshape(-1) gives: [0, 3, 1, 4, 2, 5].
        var x = Tensor.From(Range(6), [2, 3]);
        Assert.Equal([0.0, 3, 1, 4, 2, 5], x.T().View(-1).ToArray());
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Int64

    [Fact]
    public void Int64_tensors_keep_their_dtype_and_exact_values()
    {
        // t = torch.tensor([[1,2,3],[4,5,6]])
        var t = Tensor.From([1L, 2, 3, 4, 5, 6], [2, 3]);
        void Is(double[] expected, int[] shape, Tensor y)
        {
            Assert.Equal(DType.Int64, y.DType);
            Assert.Equal(shape, y.Shape);
            Assert.Equal(expected, y.ToArray());
        }
        Is([1, 4, 2, 5, 3, 6], [3, 2], t.Permute(1, 0));                       // t.permute(1,0)
        Is([1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6], [2, 6], t.Repeat(1, 2));       // t.repeat(1,2)
        Is([4, 5, 6, 1, 2, 3], [2, 3], t.Flip(0));                             // t.flip(0)
        Is([1, 5], [2], t.Diagonal());                                         // t.diagonal()
        Is([6], [], t.Trace());                                                // t.trace() -> tensor(6)
        Is([1, 0, 0, 4, 5, 0], [2, 3], t.Tril());                              // t.tril()
        Is([1, 0, 0, 2], [2, 2], Tensor.Diag(Tensor.From([1L, 2])));           // torch.diag(torch.tensor([1,2]))
        Is([1, 2, 3, 4, 5, 6], [6], t.View(-1));                               // t.view(-1)
        Is([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6], [2, 2, 3], t.Expand(2, 2, 3)); // t.expand(2,2,3)
        Is([1, 2, 3, 4, 5, 6], [2, 3, 1], t.Unflatten(1, [3, 1]));             // t.unflatten(1,(3,1))
        // torch.tensor([1,2,3]).outer(torch.tensor([1,2])) -> int64 [1, 2, 2, 4, 3, 6]
        Is([1, 2, 2, 4, 3, 6], [3, 2], Tensor.From([1L, 2, 3]).Outer(Tensor.From([1L, 2])));
        // torch.tensor([1,2,3]).outer(torch.tensor([1.,2.])).dtype -> torch.float32 (the float operand's dtype)
        Assert.Equal(DType.Float32, Tensor.From([1L, 2, 3]).Outer(Tensor.From([1.0, 2.0])).DType);
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Inference tensors

    [Fact]
    public void Views_of_inference_tensors_are_inference_tensors_and_copies_are_not()
    {
        // with torch.inference_mode(): t = torch.randn(3,3)
        // t.permute(1,0), t.expand(2,3,3), t.view(-1), t.flatten(), t.unflatten(0,(3,1)), t.squeeze(), t.diagonal():
        //   .is_inference() -> True (views)
        // t.repeat(1,1), t.flip(0), t.trace(), t.tril(), torch.diag(t): .is_inference() -> False
        Tensor t;
        using (Autograd.InferenceMode()) t = Tensor.Randn([3, 3], seed: 1);
        Assert.All(new[] { t.Permute(1, 0), t.Expand(2, 3, 3), t.View(-1), t.Flatten(), t.Unflatten(0, [3, 1]), t.Squeeze(), t.Diagonal() },
                   y => Assert.True(y.IsInference));
        Assert.All(new[] { t.Repeat(1, 1), t.Flip(0), t.Trace(), t.Tril(), t.Triu(), Tensor.Diag(t) },
                   y => Assert.False(y.IsInference));
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Errors: ArgumentException naming the op and the shapes, in PyTorch's words

    static ArgumentException Throws(Func<Tensor> f) => Assert.ThrowsAny<ArgumentException>(() => f());

    [Fact]
    public void Shape_errors_name_the_op_and_the_shapes()
    {
        var x = Tensor.Zeros([2, 3, 4]);

        // x.permute(0,1) -> RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the
        // length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2
        Contains(Throws(() => x.Permute(0, 1)).Message, "permute", "input.dim() = 3 is not equal to len(dims) = 2", "[2, 3, 4]");
        // x.permute(0,0,1) -> RuntimeError: permute(): duplicate dims are not allowed.
        Contains(Throws(() => x.Permute(0, 0, 1)).Message, "permute(): duplicate dims are not allowed", "[2, 3, 4]");
        // x.permute(0,1,3) -> IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)
        Contains(Throws(() => x.Permute(0, 1, 3)).Message, "permute", "Dimension out of range (expected to be in range of [-3, 2], but got 3)", "[2, 3, 4]");

        // x.expand(3,4) -> RuntimeError: expand(torch.FloatTensor{[2, 3, 4]}, size=[3, 4]): the number of sizes provided (2)
        // must be greater or equal to the number of dimensions in the tensor (3)
        Contains(Throws(() => x.Expand(3, 4)).Message, "expand",
                 "the number of sizes provided (2) must be greater or equal to the number of dimensions in the tensor (3)", "[2, 3, 4]", "[3, 4]");
        // x.expand(2,1,4) -> RuntimeError: The expanded size of the tensor (1) must match the existing size (3) at
        // non-singleton dimension 1.  Target sizes: [2, 1, 4].  Tensor sizes: [2, 3, 4]
        Contains(Throws(() => x.Expand(2, 1, 4)).Message, "expand",
                 "The expanded size of the tensor (1) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 1, 4].  Tensor sizes: [2, 3, 4]");
        // x.expand(-1,2,3,4) -> RuntimeError: The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0
        Contains(Throws(() => x.Expand(-1, 2, 3, 4)).Message, "expand",
                 "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0", "[2, 3, 4]");

        // x.view(5) -> RuntimeError: shape '[5]' is invalid for input of size 24
        Contains(Throws(() => x.View(5)).Message, "view", "[5] is invalid for input of", "[2, 3, 4]", "size 24");
        // x.view(-1,-1) -> RuntimeError: only one dimension can be inferred
        Contains(Throws(() => x.View(-1, -1)).Message, "view", "only one dimension can be inferred", "[2, 3, 4]");
        // x.view(-2,12) -> RuntimeError: invalid shape dimension -2
        Contains(Throws(() => x.View(-2, 12)).Message, "view", "invalid shape dimension -2");

        // x.flatten(2,1) -> RuntimeError: flatten() has invalid args: start_dim cannot come after end_dim
        Contains(Throws(() => x.Flatten(2, 1)).Message, "flatten() has invalid args: start_dim cannot come after end_dim", "[2, 3, 4]");
        // x.flatten(0,3) -> IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)
        Contains(Throws(() => x.Flatten(0, 3)).Message, "flatten", "Dimension out of range (expected to be in range of [-3, 2], but got 3)");

        // x.unflatten(1,(2,2)) -> RuntimeError: unflatten: Provided sizes [2, 2] don't multiply up to the size of dim 1 (3) in the input tensor
        Contains(Throws(() => x.Unflatten(1, [2, 2])).Message,
                 "unflatten: Provided sizes [2, 2] don't multiply up to the size of dim 1 (3) in the input tensor", "[2, 3, 4]");
        // x.unflatten(1,()) -> RuntimeError: unflatten: sizes must be non-empty
        Contains(Throws(() => x.Unflatten(1, [])).Message, "unflatten: sizes must be non-empty", "[2, 3, 4]");
        // x.unflatten(1,(-1,-1)) -> RuntimeError: unflatten got an unexpected error: only one dimension can be inferred
        Contains(Throws(() => x.Unflatten(1, [-1, -1])).Message, "unflatten", "only one dimension can be inferred");
        // torch.tensor(2.).unflatten(0,(1,)) -> IndexError: Dimension specified as 0 but tensor has no dimensions
        Contains(Throws(() => Tensor.Scalar(2).Unflatten(0, [1])).Message, "unflatten", "Dimension specified as 0 but tensor has no dimensions", "[]");

        // x.repeat(2,1) -> RuntimeError: Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor
        Contains(Throws(() => x.Repeat(2, 1)).Message, "repeat",
                 "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor", "[2, 1]", "[2, 3, 4]");
        // x.repeat(-1,1,1) -> RuntimeError: Trying to create tensor with negative dimension -2: [-2, 3, 4]
        Contains(Throws(() => x.Repeat(-1, 1, 1)).Message, "repeat", "Trying to create tensor with negative dimension -2: [-2, 3, 4]");

        // x.flip(0,0) -> RuntimeError: dim 0 appears multiple times in the list of dims
        Contains(Throws(() => x.Flip(0, 0)).Message, "flip", "dim 0 appears multiple times in the list of dims", "[2, 3, 4]");
        // x.flip(3) -> IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)
        Contains(Throws(() => x.Flip(3)).Message, "flip", "Dimension out of range (expected to be in range of [-3, 2], but got 3)");
    }

    [Fact]
    public void Matrix_errors_name_the_op_and_the_shapes()
    {
        var x = Tensor.Zeros([2, 3, 4]);
        var v = Tensor.Zeros([3]);

        // x.diagonal(0,1,1) -> RuntimeError: diagonal dimensions cannot be identical 1, 1
        Contains(Throws(() => x.Diagonal(0, 1, 1)).Message, "diagonal", "diagonal dimensions cannot be identical 1, 1", "[2, 3, 4]");
        // x.diagonal(0,0,3) -> IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)
        Contains(Throws(() => x.Diagonal(0, 0, 3)).Message, "diagonal", "Dimension out of range (expected to be in range of [-3, 2], but got 3)");
        // torch.randn(3).diagonal() -> IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)
        Contains(Throws(() => v.Diagonal()).Message, "diagonal", "[3]");

        // x.trace() -> RuntimeError: trace: expected a matrix, but got tensor with dim 3
        Contains(Throws(() => x.Trace()).Message, "trace: expected a matrix, but got tensor with dim 3", "[2, 3, 4]");

        // torch.outer(m, v) -> RuntimeError: outer: Expected 1-D argument self, but got 2-D
        Contains(Throws(() => Tensor.Zeros([3, 3]).Outer(v)).Message, "outer: Expected 1-D argument self, but got 2-D", "[3, 3]", "[3]");
        // torch.outer(v, torch.tensor(2.)) -> RuntimeError: outer: Expected 1-D argument vec2, but got 0-D
        Contains(Throws(() => v.Outer(Tensor.Scalar(2))).Message, "outer: Expected 1-D argument vec2, but got 0-D", "[3]", "[]");

        // torch.diag(x) -> RuntimeError: matrix or a vector expected
        Contains(Throws(() => Tensor.Diag(x)).Message, "diag", "matrix or a vector expected", "[2, 3, 4]");

        // v.tril() -> IndexError: Dimension out of range (expected to be in range of [-1, 0], but got -2)
        // (PyTorch 2.x: "tril: input tensor must have at least 2 dimensions", Nabla's words)
        Contains(Throws(() => v.Tril()).Message, "tril: input tensor must have at least 2 dimensions", "[3]");
        Contains(Throws(() => Tensor.Triu(v)).Message, "triu: input tensor must have at least 2 dimensions", "[3]");
    }
}
