namespace Nabla.Examples;

/// <summary>Cat, Stack, Narrow, Split, Chunk and Unbind against PyTorch 1.13 (each expected value with the line that gave it).</summary>
public sealed class JoinVocabularyTests
{
    static Tensor X(bool requiresGrad = true) => Tensor.From(Enumerable.Range(0, 12).Select(k => (double)k).ToArray(), [4, 3], requiresGrad);

    [Fact]
    public void Cat_sends_each_input_its_slice_of_the_gradient()
    {
        // a = torch.ones(2, 3, requires_grad=True); b = torch.ones(1, 3, requires_grad=True)
        // y = torch.cat([a, b]) * torch.arange(9.).reshape(3, 3); y.sum().backward()
        // a.grad -> [[0, 1, 2], [3, 4, 5]]; b.grad -> [[6, 7, 8]]
        var a = Tensor.Ones([2, 3], requiresGrad: true);
        var b = Tensor.Ones([1, 3], requiresGrad: true);
        (Tensor.Cat([a, b]) * Tensor.From(Enumerable.Range(0, 9).Select(k => (double)k).ToArray(), [3, 3])).Sum().Backward();
        Assert.Equal([0.0, 1, 2, 3, 4, 5], a.Grad!.ToArray());
        Assert.Equal([6.0, 7, 8], b.Grad!.ToArray());
    }

    [Fact]
    public void Cat_promotes_dtypes_and_records_only_what_requires_grad()
    {
        // torch.cat([x.double(), x]).dtype -> torch.float64; torch.cat([torch.tensor([1, 2]), torch.tensor([1.5])]).dtype -> torch.float32
        Assert.Equal(DType.Float64, Tensor.Cat([Tensor.Ones([2], dtype: DType.Float64), Tensor.Ones([2])]).DType);
        var mixed = Tensor.Cat([Tensor.From([1L, 2L]), Tensor.From([1.5])]);
        Assert.Equal(DType.Float32, mixed.DType);
        Assert.Equal([1.0, 2.0, 1.5], mixed.ToArray());
        // torch.cat([torch.tensor([1, 2]), torch.tensor([3])]) -> tensor([1, 2, 3]), Int64 and exact
        Assert.Equal([1L, 2L, (1L << 62) + 1], Tensor.Cat([Tensor.From([1L, 2L]), Tensor.From([(1L << 62) + 1])]).ToInt64Array());
        Assert.Null(Tensor.Cat([X(false), X(false)]).GradFn);
        // torch.cat([x, torch.randn(0, 3)]).shape -> torch.Size([4, 3]); torch.cat([torch.randn(0), x]).shape -> torch.Size([4, 3])
        Assert.Equal([4, 3], Tensor.Cat([X(), Tensor.Zeros([0, 3])]).Shape);
        var legacy = X();
        Tensor.Cat([Tensor.Zeros([0], requiresGrad: true), legacy]).Sum().Backward();
        Assert.Equal(Enumerable.Repeat(1.0, 12), legacy.Grad!.ToArray());
    }

    public static TheoryData<string, Func<object>, string> Refused => new()
    {
        // torch.cat([]) -> torch.cat(): expected a non-empty list of Tensors
        { "cat of nothing", () => Tensor.Cat([]), "cat: expected a non-empty list of Tensors" },
        // torch.cat([torch.tensor(1.), torch.tensor(2.)]) -> zero-dimensional tensor (at position 0) cannot be concatenated
        { "cat of scalars", () => Tensor.Cat([Tensor.Scalar(1), Tensor.Scalar(2)]), "cat: zero-dimensional tensor (at position 0) cannot be concatenated" },
        // torch.cat([x, torch.randn(2, 2)]) -> Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.
        { "cat of mismatched sizes", () => Tensor.Cat([X(), Tensor.Zeros([2, 2])]),
          "cat: Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list (shapes [4, 3] and [2, 2])." },
        // torch.cat([x, torch.randn(3)]) -> Tensors must have same number of dimensions: got 2 and 1
        { "cat of mismatched ranks", () => Tensor.Cat([X(), Tensor.Zeros([3])]), "cat: Tensors must have same number of dimensions: got 2 and 1 (shapes [4, 3] and [3])" },
        // torch.cat([x, x], dim=2) -> Dimension out of range (expected to be in range of [-2, 1], but got 2)
        { "cat along a missing dim", () => Tensor.Cat([X(), X()], dim: 2),
          "cat: Dimension out of range (expected to be in range of [-2, 1], but got 2) for a tensor of shape [4, 3] (Parameter 'dim')" },
        // torch.stack([]) -> stack expects a non-empty TensorList
        { "stack of nothing", () => Tensor.Stack([]), "stack: expects a non-empty TensorList" },
        // torch.stack([x, torch.randn(2, 3)]) -> stack expects each tensor to be equal size, but got [4, 3] at entry 0 and [2, 3] at entry 1
        { "stack of mismatched shapes", () => Tensor.Stack([X(), Tensor.Zeros([2, 3])]),
          "stack: expects each tensor to be equal size, but got [4, 3] at entry 0 and [2, 3] at entry 1" },
        // x.narrow(0, 3, 2) -> start (3) + length (2) exceeds dimension size (4).
        { "narrow past the end", () => X().Narrow(0, 3, 2), "narrow: start (3) + length (2) exceeds dimension size (4) of a tensor of shape [4, 3]." },
        // x.split(0) -> split_size can only be 0 if dimension size is 0, but got dimension size of 4
        { "split by zero", () => X().Split(0), "split: split_size can only be 0 if dimension size is 0, but got dimension size of 4 (Parameter 'splitSize')" },
        // x.split(-1) -> split expects split_size be non-negative, but got split_size=-1
        { "split by a negative size", () => X().Split(-1), "split: split expects split_size be non-negative, but got split_size=-1 (Parameter 'splitSize')" },
        // x.split([1, 2]) -> split_with_sizes expects split_sizes to sum exactly to 4 (input tensor's size at dimension 0), but got split_sizes=[1, 2]
        { "split by sizes that do not sum", () => X().Split([1, 2]),
          "split: split_with_sizes expects split_sizes to sum exactly to 4 (input tensor's size at dimension 0), but got split_sizes=[1, 2] (Parameter 'sizes')" },
        // x.chunk(0) -> chunk expects `chunks` to be greater than 0, got: 0
        { "chunk into nothing", () => X().Chunk(0), "chunk: chunk expects `chunks` to be greater than 0, got: 0 (Parameter 'chunks')" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_in_PyTorch_s_words_with_the_shapes(string what, Func<object> f, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(f);
        Assert.True(e.Message == message, $"{what}: {e.Message}");
    }

    [Fact]
    public void Split_and_chunk_give_PyTorch_s_parts()
    {
        // [t.shape for t in torch.randn(5, 2).chunk(3)] -> [2, 2], [2, 2], [1, 2]; len(x.chunk(3)) -> 2 (size 4)
        Assert.Equal([[2, 2], [2, 2], [1, 2]], Tensor.Zeros([5, 2]).Chunk(3).Select(t => t.Shape));
        Assert.Equal(2, X().Chunk(3).Length);
        // x.split(5)[0].shape -> torch.Size([4, 3]); torch.split(x, [1, 3])[1].shape -> torch.Size([3, 3])
        Assert.Equal([4, 3], Assert.Single(X().Split(5)).Shape);
        Assert.Equal([3, 3], X().Split([1, 3])[1].Shape);
        // x.narrow(0, -1, 1).shape -> torch.Size([1, 3]) (a negative start counts from the end)
        Assert.Equal([9.0, 10, 11], X().Narrow(0, -1, 1).ToArray());
    }

    [Fact]
    public void The_parts_of_a_split_add_their_gradients_back_up()
    {
        // y = x.split([1, 3]); (y[0] * 2).sum() + (y[1] * 3).sum() -> x.grad rows [2, 2, 2], then [3, 3, 3] three times
        var x = X();
        var parts = x.Split([1, 3]);
        ((parts[0] * 2).Sum() + (parts[1] * 3).Sum()).Backward();
        Assert.Equal([2.0, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3], x.Grad!.ToArray());
        // x.unbind(1): the column parts each get their own gradient back
        var z = X();
        var columns = z.Unbind(1);
        (columns[0].Sum() + 10 * columns[2].Sum()).Backward();
        Assert.Equal([1.0, 0, 10, 1, 0, 10, 1, 0, 10, 1, 0, 10], z.Grad!.ToArray());
    }

    [Fact]
    public void A_large_cat_copied_by_several_cores_puts_every_element_in_its_place()
    {
        // 2 × 300 × 500 elements: past Numerics/Chunks.cs's threshold, so the rows are copied in bands, one per core.
        var a = Tensor.From(Enumerable.Range(0, 300 * 500).Select(k => (double)k).ToArray(), [300, 500]);
        var b = Tensor.From(Enumerable.Range(0, 300 * 500).Select(k => -(double)k).ToArray(), [300, 500]);
        var y = Tensor.Cat([a, b], dim: 1).ToArray();
        for (var row = 0; row < 300; row++)
        for (var col = 0; col < 1000; col++)
        {
            var expected = col < 500 ? row * 500 + col : -(row * 500 + col - 500);
            if (y[row * 1000 + col] != expected) Assert.Fail($"element [{row}, {col}] is {y[row * 1000 + col]}, not {expected}");
        }
    }

    [Fact]
    public void A_large_slice_and_its_backward_copied_by_several_cores_put_every_element_in_its_place()
    {
        // [400, 1000] past Numerics/Chunks.cs's threshold: x[:, 100:600] copies rows in bands, and its backward writes
        // zeros around the slice in bands too.
        var x = Tensor.From(Enumerable.Range(0, 400 * 1000).Select(k => (double)(k % 1000)).ToArray(), [400, 1000], requiresGrad: true);
        var y = x[.., 100..600];
        var values = y.ToArray();
        for (var k = 0; k < values.Length; k++)
            if (values[k] != 100 + k % 500) Assert.Fail($"element {k} of the slice is {values[k]}, not {100 + k % 500}");
        y.Backward(Tensor.Full([400, 500], 2.0));
        var g = x.Grad!.ToArray();
        for (var k = 0; k < g.Length; k++)
            if (g[k] != (k % 1000 is >= 100 and < 600 ? 2 : 0)) Assert.Fail($"element {k} of the gradient is {g[k]}");
        // The whole dim is x's own values (nothing to copy), still recorded as PyTorch's x[:] is.
        Assert.Equal("SliceBackward0", x[..].GradFn?.Name);
    }

    [Fact]
    public void Narrowed_views_of_inference_tensors_are_inference_tensors()
    {
        // with torch.inference_mode(): t = torch.ones(4, 3)
        // t.narrow(0, 1, 2).is_inference() -> True (a view), torch.cat([t, t]).is_inference() -> False
        Tensor t;
        using (Autograd.InferenceMode()) t = Tensor.Ones([4, 3]);
        Assert.True(t.Narrow(0, 1, 2).IsInference);
        Assert.True(t.Unbind()[0].IsInference);
        Assert.False(Tensor.Cat([t, t]).IsInference);
    }
}
