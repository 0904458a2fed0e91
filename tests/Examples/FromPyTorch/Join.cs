namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's joining and splitting rows (issue 13), values from tests/torch/from_pytorch_join.py.</summary>
    static FromPyTorchRow[] JoinRows() =>
    [
        Row("torch.cat([x, p])", () => Tensor.Cat([x, p]),
            [-0.8999999761581421, -0.4000000059604645, 0.30000001192092896, 0.5, 0.75, 0.20000000298023224, 0.5, 1.5, 2.0, 2.5, 3.0, 4.0],
            [4, 3], gradFn: "CatBackward0", ulps: 0),
        Row("torch.cat([x, p], dim=1)", () => Tensor.Cat([x, p], dim: 1),
            [-0.8999999761581421, -0.4000000059604645, 0.30000001192092896, 0.5, 1.5, 2.0, 0.5, 0.75, 0.20000000298023224, 2.5, 3.0, 4.0],
            [2, 6], gradFn: "CatBackward0", ulps: 0),
        Row("torch.stack([x, p])", () => Tensor.Stack([x, p]),
            [-0.8999999761581421, -0.4000000059604645, 0.30000001192092896, 0.5, 0.75, 0.20000000298023224, 0.5, 1.5, 2.0, 2.5, 3.0, 4.0],
            [2, 2, 3], gradFn: "StackBackward0", ulps: 0),
        Row("torch.stack([x, p], dim=-1)", () => Tensor.Stack([x, p], dim: -1),
            [-0.8999999761581421, 0.5, -0.4000000059604645, 1.5, 0.30000001192092896, 2.0, 0.5, 2.5, 0.75, 3.0, 0.20000000298023224, 4.0],
            [2, 3, 2], gradFn: "StackBackward0", ulps: 0),
        Row("x.narrow(1, 1, 2)", () => x.Narrow(1, 1, 2),
            [-0.4000000059604645, 0.30000001192092896, 0.75, 0.20000000298023224], [2, 2], gradFn: "SliceBackward0", ulps: 0),
        Row("x.split(2, dim=1)[1]", () => x.Split(2, dim: 1)[1], [0.30000001192092896, 0.20000000298023224], [2, 1],
            gradFn: "SplitBackward0", ulps: 0),
        Row("x.split([1, 2], dim=1)[0]", () => x.Split([1, 2], dim: 1)[0], [-0.8999999761581421, 0.5], [2, 1],
            gradFn: "SplitWithSizesBackward0", ulps: 0),
        Row("m.chunk(2)[1]", () => m.Chunk(2)[1], [0.25, 0.5, 4.0], [1, 3], gradFn: "SplitBackward0", ulps: 0),
        Row("m.unbind(1)[2]", () => m.Unbind(1)[2], [0.5, -2.0, 4.0], [3], gradFn: "UnbindBackward0", ulps: 0),
    ];
}
