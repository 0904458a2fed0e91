namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's matrix rows (issue 13); values from tests/torch/from_pytorch_shapes.py.</summary>
    static FromPyTorchRow[] MatrixRows() =>
    [
        Row("m.diagonal()", () => m.Diagonal(), [2.0, 3.0, 4.0], [3], gradFn: "DiagonalBackward0"),
        Row("m.diagonal(1)", () => m.Diagonal(1), [-1.0, -2.0], [2], gradFn: "DiagonalBackward0"),
        Row("x.diagonal(-1)", () => x.Diagonal(-1), [0.5], [1], gradFn: "DiagonalBackward0"),
        Row("m.trace()", () => m.Trace(), [9.0], [], gradFn: "TraceBackward0"),
        Row("v.outer(v)", () => v.Outer(v), [1.0, -2.0, 3.0, -2.0, 4.0, -6.0, 3.0, -6.0, 9.0], [3, 3], gradFn: "MulBackward0"),
        Row("torch.diag(v)", () => Tensor.Diag(v), [1.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 3.0], [3, 3], gradFn: "DiagBackward0"),
        Row("torch.diag(m)", () => Tensor.Diag(m), [2.0, 3.0, 4.0], [3], gradFn: "DiagBackward0"),
        Row("torch.diag(v, 1)", () => Tensor.Diag(v, 1),
            [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0], [4, 4], gradFn: "DiagBackward0"),
        Row("torch.tril(m)", () => Tensor.Tril(m), [2.0, 0.0, 0.0, 1.0, 3.0, 0.0, 0.25, 0.5, 4.0], [3, 3], gradFn: "TrilBackward0"),
        Row("m.tril(-1)", () => m.Tril(-1), [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.25, 0.5, 0.0], [3, 3], gradFn: "TrilBackward0"),
        Row("torch.triu(m)", () => Tensor.Triu(m), [2.0, -1.0, 0.5, 0.0, 3.0, -2.0, 0.0, 0.0, 4.0], [3, 3], gradFn: "TriuBackward0"),
        Row("m.triu(1)", () => m.Triu(1), [0.0, -1.0, 0.5, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0], [3, 3], gradFn: "TriuBackward0"),
        Row("torch.triu(x, 1)", () => Tensor.Triu(x, 1),
            [0.0, -0.4000000059604645, 0.30000001192092896, 0.0, 0.0, 0.20000000298023224], [2, 3], gradFn: "TriuBackward0"),
    ];
}
