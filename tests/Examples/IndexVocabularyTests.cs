namespace Nabla.Examples;

/// <summary>x[...], IndexSelect, Gather and ScatterAdd against PyTorch 1.13 (each expected value with the line that gave it).</summary>
public sealed class IndexVocabularyTests
{
    static Tensor X() => Tensor.From(Enumerable.Range(0, 12).Select(k => (double)k).ToArray(), [4, 3], requiresGrad: true);
    static Tensor Y() => Tensor.From(Enumerable.Range(0, 120).Select(k => (double)k).ToArray(), [2, 3, 4, 5]);

    [Fact]
    public void Repeated_positions_add_their_gradients()
    {
        // x[torch.tensor([0, 0, 3])].sum().backward(); x.grad -> [[2, 2, 2], [0, 0, 0], [0, 0, 0], [1, 1, 1]]
        var x = X();
        x[Tensor.From([0L, 0, 3])].Sum().Backward();
        Assert.Equal([2.0, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1], x.Grad!.ToArray());
    }

    [Fact]
    public void Several_index_tensors_broadcast_and_place_their_dims_as_PyTorch_does()
    {
        // y = torch.arange(120.).reshape(2, 3, 4, 5)
        // y[:, torch.tensor([0, 2]), :, torch.tensor([1, 4])] -> shape [2, 2, 4] (apart: the indexed dims go first), [1, 6, 11, 16, 61, 66, ...]
        var apart = Y()[.., Tensor.From([0L, 2]), .., Tensor.From([1L, 4])];
        Assert.Equal([2, 2, 4], apart.Shape);
        Assert.Equal([1.0, 6, 11, 16, 61, 66], apart.ToArray()[..6]);
        // y[:, torch.tensor([0, 2]), torch.tensor([[1], [3]])] -> shape [2, 2, 2, 5] (adjacent: in place, broadcast to [2, 2]), [5, 6, 7, 8, 9, 45, 46, ...]
        var adjacent = Y()[.., Tensor.From([0L, 2]), Tensor.From([1L, 3], [2, 1])];
        Assert.Equal([2, 2, 2, 5], adjacent.Shape);
        Assert.Equal([5.0, 6, 7, 8, 9, 45, 46], adjacent.ToArray()[..7]);
        // y[1, ..., torch.tensor([0, -1])] -> shape [3, 4, 2], [60, 64, 65, 69, ...]
        var ellipsis = Y()[1, TensorIndex.Ellipsis, Tensor.From([0L, -1])];
        Assert.Equal([3, 4, 2], ellipsis.Shape);
        Assert.Equal([60.0, 64, 65, 69], ellipsis.ToArray()[..4]);
    }

    [Fact]
    public void Slices_clamp_to_the_size_as_Python_s_do()
    {
        // x[5:2].shape -> [0, 3]; x[-100:100].shape -> [4, 3]; x[1:-1].shape -> [2, 3]; x[:, None].shape -> [4, 1, 3]
        Assert.Equal([0, 3], X()[5..2].Shape);
        Assert.Equal([4, 3], X()[..100].Shape);
        Assert.Equal([2, 3], X()[1..^1].Shape);
        Assert.Equal([4, 1, 3], X()[.., TensorIndex.NewAxis].Shape);
    }

    [Fact]
    public void Gather_and_scatter_add_send_gradients_to_the_places_they_read_and_write()
    {
        // s = torch.ones(2, 3, requires_grad=True)
        // torch.zeros(3, 3).scatter_add(0, torch.tensor([[0, 0, 1], [0, 2, 2]]), s).mul(torch.arange(9.).reshape(3, 3)).sum().backward()
        // s.grad -> [[0, 1, 5], [0, 7, 8]]
        var s = Tensor.Ones([2, 3], requiresGrad: true);
        (Tensor.Zeros([3, 3]).ScatterAdd(0, Tensor.From([0L, 0, 1, 0, 2, 2], [2, 3]), s) *
         Tensor.From(Enumerable.Range(0, 9).Select(k => (double)k).ToArray(), [3, 3])).Sum().Backward();
        Assert.Equal([0.0, 1, 5, 0, 7, 8], s.Grad!.ToArray());
        // x.gather(0, torch.tensor([[3, 3, 0]])).sum().backward(); x.grad -> [[0, 0, 1], [0, 0, 0], [0, 0, 0], [1, 1, 0]]
        var x = X();
        x.Gather(0, Tensor.From([3L, 3, 0], [1, 3])).Sum().Backward();
        Assert.Equal([0.0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0], x.Grad!.ToArray());
    }

    [Fact]
    public void A_source_larger_than_the_index_gets_zeros_where_it_is_not_read()
    {
        // s = torch.ones(2, 3, requires_grad=True); torch.zeros(3, 3, requires_grad=True).scatter_add(0, torch.tensor([[1, 2, 0]]), s).sum().backward()
        // PyTorch 1.13: RuntimeError: Function ScatterAddBackward0 returned an invalid gradient at index 1 - got [1, 3] but
        // expected shape compatible with [2, 3]. Nabla gives the gradient itself: 1 where src is read, 0 in its second row.
        var s = Tensor.Ones([2, 3], requiresGrad: true);
        Tensor.Zeros([3, 3], requiresGrad: true).ScatterAdd(0, Tensor.From([1L, 2, 0], [1, 3]), s).Sum().Backward();
        Assert.Equal([1.0, 1, 1, 0, 0, 0], s.Grad!.ToArray());
    }

    public static TheoryData<string, Func<object>, string> Refused => new()
    {
        // x[5] -> IndexError: index 5 is out of bounds for dimension 0 with size 4
        { "int past the end", () => X()[.., 5], "index: index 5 is out of bounds for dimension 1 with size 3 (tensor of shape [4, 3]) (Parameter 'indices')" },
        // x[torch.tensor([5])] -> IndexError: index 5 is out of bounds for dimension 0 with size 4
        { "position past the end", () => X()[Tensor.From([5L])], "index: index 5 is out of bounds for dimension 0 with size 4 (tensor of shape [4, 3])" },
        // x[1, 2, 3] -> IndexError: too many indices for tensor of dimension 2
        { "too many indices", () => X()[1, 2, 3], "index: too many indices for tensor of dimension 2 (shape [4, 3], 3 indices) (Parameter 'indices')" },
        // x[torch.tensor([0.5])] -> IndexError: tensors used as indices must be long, byte or bool tensors
        { "a float index", () => X()[Tensor.From([0.5])], "index: tensors used as indices must be long tensors (got float32 of shape [1])" },
        // x.index_select(0, torch.tensor([5])) -> IndexError: index out of range in self
        { "index_select past the end", () => X().IndexSelect(0, Tensor.From([5L])),
          "index_select: index 5 is out of bounds for dimension 0 with size 4 (tensor of shape [4, 3])" },
        // x.index_select(0, torch.tensor([[1]])) -> IndexError: index_select(): Index is supposed to be a vector
        { "index_select by a matrix", () => X().IndexSelect(0, Tensor.From([1L], [1, 1])),
          "index_select(): Index is supposed to be a vector, but got an index of shape [1, 1]" },
        // x.gather(1, torch.tensor([[3]])) -> RuntimeError: index 3 is out of bounds for dimension 1 with size 3
        { "gather past the end", () => X().Gather(1, Tensor.From([3L], [1, 1])), "gather: index 3 is out of bounds for dimension 1 with size 3 (tensor of shape [4, 3])" },
        // x.gather(1, torch.tensor([0])) -> RuntimeError: Index tensor must have the same number of dimensions as input tensor
        { "gather by a vector", () => X().Gather(1, Tensor.From([0L])),
          "gather: Index tensor must have the same number of dimensions as input tensor (index shape [1], tensor shape [4, 3])" },
        // numpy refuses two ellipses (PyTorch 1.13 lets x[..., 0, ...] through as x[:, 0]); Nabla refuses them.
        { "two ellipses", () => X()[TensorIndex.Ellipsis, TensorIndex.Ellipsis], "index: an index can only have a single ellipsis ('...') (Parameter 'indices')" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_in_PyTorch_s_words_with_the_shapes(string what, Func<object> f, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(f);
        Assert.True(e.Message == message, $"{what}: {e.Message}");
    }
}
