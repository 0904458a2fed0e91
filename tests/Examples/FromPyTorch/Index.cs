namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's indexing rows (issue 13), values from tests/torch/from_pytorch_index.py.</summary>
    static FromPyTorchRow[] IndexRows() =>
    [
        Row("m[1]", () => m[1], [1.0, 3.0, -2.0], [3], gradFn: "SelectBackward0", ulps: 0),
        Row("m[-1]", () => m[^1], [0.25, 0.5, 4.0], [3], gradFn: "SelectBackward0", ulps: 0),
        Row("m[:, 0]", () => m[.., 0], [2.0, 1.0, 0.25], [3], gradFn: "SelectBackward0", ulps: 0),
        Row("m[1:3]", () => m[1..3], [1.0, 3.0, -2.0, 0.25, 0.5, 4.0], [2, 3], gradFn: "SliceBackward0", ulps: 0),
        Row("m[:, :2]", () => m[.., ..2], [2.0, -1.0, 1.0, 3.0, 0.25, 0.5], [3, 2], gradFn: "SliceBackward0", ulps: 0),
        Row("m[..., 1]", () => m[TensorIndex.Ellipsis, 1], [-1.0, 3.0, 0.5], [3], gradFn: "SelectBackward0", ulps: 0),
        Row("m[None, 0]", () => m[TensorIndex.NewAxis, 0], [2.0, -1.0, 0.5], [1, 3], gradFn: "SelectBackward0", ulps: 0),
        Row("m[i]", () => m[i], [0.25, 0.5, 4.0, 2.0, -1.0, 0.5, 1.0, 3.0, -2.0], [3, 3], gradFn: "IndexBackward0", ulps: 0),
        Row("m[:, i]", () => m[.., i], [0.5, 2.0, -1.0, -2.0, 1.0, 3.0, 4.0, 0.25, 0.5], [3, 3], gradFn: "IndexBackward0", ulps: 0),
        Row("m[i, i]", () => m[i, i], [4.0, 2.0, 3.0], [3], gradFn: "IndexBackward0", ulps: 0),
        Row("m.index_select(1, i)", () => m.IndexSelect(1, i), [0.5, 2.0, -1.0, -2.0, 1.0, 3.0, 4.0, 0.25, 0.5], [3, 3],
            gradFn: "IndexSelectBackward0", ulps: 0),
        Row("m.gather(1, torch.tensor([[0], [2], [1]]))", () => m.Gather(1, Tensor.From([0L, 2, 1], [3, 1])), [2.0, -2.0, 0.5], [3, 1],
            gradFn: "GatherBackward0", ulps: 0),
        Row("m.scatter_add(0, torch.tensor([[1, 2, 0]]), p[:1])", () => m.ScatterAdd(0, Tensor.From([1L, 2, 0], [1, 3]), p[..1]),
            [2.0, -1.0, 2.5, 1.5, 3.0, -2.0, 0.25, 2.0, 4.0], [3, 3], gradFn: "ScatterAddBackward0", ulps: 0),
    ];
}
