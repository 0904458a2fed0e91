namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's matrix rows (issue 13); values from tests/torch/from_pytorch_shapes.py and from_pytorch_einsum.py.</summary>
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
        // Einsum, lowered to bmm, mul, sum and permute as PyTorch 1.13 lowers it (values from tests/torch/from_pytorch_einsum.py).
        Row("torch.einsum('ij,jk->ik', x, m)", () => Tensor.Einsum("ij,jk->ik", x, m),
            [-2.125, -0.15000006556510925, 1.5500000715255737, 1.7999999523162842, 1.850000023841858, -0.44999998807907104], [2, 3],
            gradFn: "ViewBackward0"),
        Row("torch.einsum('ij,kj', x, p)", () => Tensor.Einsum("ij,kj", x, p),
            [-0.44999992847442627, -2.25, 1.774999976158142, 4.300000190734863], [2, 2], gradFn: "ViewBackward0"),
        Row("torch.einsum('bij,bjk->bik', x.unsqueeze(0), m.unsqueeze(0))", () => Tensor.Einsum("bij,bjk->bik", x.Unsqueeze(0), m.Unsqueeze(0)),
            [-2.125, -0.15000006556510925, 1.5500000715255737, 1.7999999523162842, 1.850000023841858, -0.44999998807907104], [1, 2, 3],
            gradFn: "ViewBackward0"),
        Row("torch.einsum('ii->i', m)", () => Tensor.Einsum("ii->i", m), [2.0, 3.0, 4.0], [3], gradFn: "PermuteBackward0"),
        Row("torch.einsum('ii', m)", () => Tensor.Einsum("ii", m), [9.0], [], gradFn: "SumBackward1"),
        Row("torch.einsum('ij->', x)", () => Tensor.Einsum("ij->", x), [0.4500000476837158], [], gradFn: "SumBackward1"),
        Row("torch.einsum('ij->j', x)", () => Tensor.Einsum("ij->j", x), [-0.3999999761581421, 0.3499999940395355, 0.5], [3],
            gradFn: "SumBackward1"),
        Row("torch.einsum('ji', x)", () => Tensor.Einsum("ji", x),
            [-0.8999999761581421, 0.5, -0.4000000059604645, 0.75, 0.30000001192092896, 0.20000000298023224], [3, 2],
            gradFn: "PermuteBackward0"),
        Row("torch.einsum('i,j->ij', v, v)", () => Tensor.Einsum("i,j->ij", v, v),
            [1.0, -2.0, 3.0, -2.0, 4.0, -6.0, 3.0, -6.0, 9.0], [3, 3], gradFn: "MulBackward0"),
        Row("torch.einsum('ij,ij->i', x, p)", () => Tensor.Einsum("ij,ij->i", x, p), [-0.44999992847442627, 4.300000190734863], [2],
            gradFn: "ViewBackward0"),
        Row("torch.einsum('...j,j->...', x, v)", () => Tensor.Einsum("...j,j->...", x, v), [0.8000000715255737, -0.3999999761581421], [2],
            gradFn: "ViewBackward0"),
        Row("torch.einsum('ij,jk,kl->il', x, m, m)", () => Tensor.Einsum("ij,jk,kl->il", x, m, m),
            [-4.012500286102295, 2.4499998092651367, 5.437500476837158, 5.337499618530273, 3.5250003337860107, -4.600000381469727], [2, 3],
            gradFn: "ViewBackward0"),
        Row("torch.einsum('i,i', i, i)", () => Tensor.Einsum("i,i", i, i), [5], [], DType.Int64),
    ];
}
