namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's reduction rows (issue 13), from tests/torch/from_pytorch_reduction.py.</summary>
    static FromPyTorchRow[] ReductionRows() =>
    [
        // torch.max(x, 1).values: [0.30000001192092896, 0.75] shape [2] torch.float32 grad_fn MaxBackward0
        Row("torch.max(x, 1).values", () => x.Max(1).Values, [0.30000001192092896, 0.75], [2], gradFn: "MaxBackward0"),
        // torch.max(x, 1).indices: [2.0, 1.0] shape [2] torch.int64 grad_fn None
        Row("torch.max(x, 1).indices", () => x.Max(1).Indices, [2, 1], [2], DType.Int64),
        // torch.max(m, 0, keepdim=True).values: [2.0, 3.0, 4.0] shape [1, 3] torch.float32 grad_fn MaxBackward0
        Row("torch.max(m, 0, keepdim=True).values", () => m.Max(0, keepDim: true).Values, [2, 3, 4], [1, 3], gradFn: "MaxBackward0"),
        // torch.max(m, 0, keepdim=True).indices: [0.0, 1.0, 2.0] shape [1, 3] torch.int64 grad_fn None
        Row("torch.max(m, 0, keepdim=True).indices", () => m.Max(0, keepDim: true).Indices, [0, 1, 2], [1, 3], DType.Int64),
        // torch.min(x, 1).values: [-0.8999999761581421, 0.20000000298023224] shape [2] torch.float32 grad_fn MinBackward0
        Row("torch.min(x, 1).values", () => x.Min(1).Values, [-0.8999999761581421, 0.20000000298023224], [2], gradFn: "MinBackward0"),
        // torch.min(x, 1).indices: [0.0, 2.0] shape [2] torch.int64 grad_fn None
        Row("torch.min(x, 1).indices", () => x.Min(1).Indices, [0, 2], [2], DType.Int64),
        // torch.min(x): [-0.8999999761581421] shape [] torch.float32 grad_fn MinBackward1
        Row("torch.min(x)", () => x.Min(), [-0.8999999761581421], [], gradFn: "MinBackward1"),
        // torch.argmin(m, 1): [1.0, 2.0, 0.0] shape [3] torch.int64 grad_fn None
        Row("torch.argmin(m, 1)", () => m.ArgMin(1), [1, 2, 0], [3], DType.Int64),
        // torch.sum(x, (0, 1)): [0.4500000476837158] shape [] torch.float32 grad_fn SumBackward1
        Row("torch.sum(x, (0, 1))", () => x.Sum([0, 1]), [0.4500000476837158], [], gradFn: "SumBackward1"),
        // torch.sum(m, (-1,), keepdim=True): [1.5, 2.0, 4.75] shape [3, 1] torch.float32 grad_fn SumBackward1
        Row("torch.sum(m, (-1,), keepdim=True)", () => m.Sum([-1], keepDim: true), [1.5, 2, 4.75], [3, 1], gradFn: "SumBackward1"),
        // torch.mean(x, (0, 1)): [0.07500001043081284] shape [] torch.float32 grad_fn MeanBackward1
        Row("torch.mean(x, (0, 1))", () => x.Mean([0, 1]), [0.07500001043081284], [], gradFn: "MeanBackward1"),
        // torch.mean(m, (0, 1), keepdim=True): [0.9166666865348816] shape [1, 1] torch.float32 grad_fn MeanBackward1
        Row("torch.mean(m, (0, 1), keepdim=True)", () => m.Mean([0, 1], keepDim: true), [0.9166666865348816], [1, 1], gradFn: "MeanBackward1"),
        // torch.prod(p): [45.0] shape [] torch.float32 grad_fn ProdBackward0
        Row("torch.prod(p)", () => p.Prod(), [45], [], gradFn: "ProdBackward0"),
        // torch.prod(p, 1): [1.5, 30.0] shape [2] torch.float32 grad_fn ProdBackward1
        Row("torch.prod(p, 1)", () => p.Prod(1), [1.5, 30], [2], gradFn: "ProdBackward1"),
        // torch.prod(m, 0, keepdim=True): [0.5, -1.5, -4.0] shape [1, 3] torch.float32 grad_fn ProdBackward1
        Row("torch.prod(m, 0, keepdim=True)", () => m.Prod(0, keepDim: true), [0.5, -1.5, -4], [1, 3], gradFn: "ProdBackward1"),
        // torch.norm(x): [1.3829315900802612] shape [] torch.float32 grad_fn NormBackward1
        Row("torch.norm(x)", () => x.Norm(), [1.3829315900802612], [], gradFn: "NormBackward1"),
        // torch.norm(x, 1): [3.049999952316284] shape [] torch.float32 grad_fn NormBackward1
        Row("torch.norm(x, 1)", () => x.Norm(1), [3.049999952316284], [], gradFn: "NormBackward1"),
        // torch.norm(x, float('inf')): [0.8999999761581421] shape [] torch.float32 grad_fn NormBackward1
        Row("torch.norm(x, float('inf'))", () => x.Norm(double.PositiveInfinity), [0.8999999761581421], [], gradFn: "NormBackward1"),
        // torch.norm(p, 3): [4.906599521636963] shape [] torch.float32 grad_fn NormBackward1
        Row("torch.norm(p, 3)", () => p.Norm(3), [4.906599521636963], [], gradFn: "NormBackward1"),
        // torch.norm(m, 2, 1): [2.291287899017334, 3.7416574954986572, 4.038873672485352] shape [3] torch.float32 grad_fn NormBackward1
        Row("torch.norm(m, 2, 1)", () => m.Norm(2, 1), [2.291287899017334, 3.7416574954986572, 4.038873672485352], [3], gradFn: "NormBackward1"),
        // torch.norm(x, 1, 0, keepdim=True): [1.399999976158142, 1.149999976158142, 0.5] shape [1, 3] torch.float32 grad_fn NormBackward1
        Row("torch.norm(x, 1, 0, keepdim=True)", () => x.Norm(1, 0, keepDim: true), [1.399999976158142, 1.149999976158142, 0.5], [1, 3],
            gradFn: "NormBackward1"),
        // torch.var(x): [0.37575000524520874] shape [] torch.float32 grad_fn VarBackward0
        Row("torch.var(x)", () => x.Var(), [0.37575000524520874], [], gradFn: "VarBackward0"),
        // torch.var(x, 1): [0.3633333146572113, 0.07583333551883698] shape [2] torch.float32 grad_fn VarBackward0
        Row("torch.var(x, 1)", () => x.Var(1), [0.3633333146572113, 0.07583333551883698], [2], gradFn: "VarBackward0"),
        // torch.var(m, 0, correction=0, keepdim=True): [0.5138888955116272, 2.722222328186035, 6.05555534362793] shape [1, 3] torch.float32 grad_fn VarBackward0
        Row("torch.var(m, 0, correction=0, keepdim=True)", () => m.Var(0, correction: 0, keepDim: true),
            [0.5138888955116272, 2.722222328186035, 6.05555534362793], [1, 3], gradFn: "VarBackward0"),
        // torch.std(x): [0.6129844784736633] shape [] torch.float32 grad_fn StdBackward0
        Row("torch.std(x)", () => x.Std(), [0.6129844784736633], [], gradFn: "StdBackward0"),
        // torch.std(m, 1, correction=2): [2.1213202476501465, 3.559026002883911, 2.9650745391845703] shape [3] torch.float32 grad_fn StdBackward0
        Row("torch.std(m, 1, correction=2)", () => m.Std(1, correction: 2), [2.1213202476501465, 3.559026002883911, 2.9650745391845703], [3],
            gradFn: "StdBackward0"),
        // torch.logsumexp(x, 1): [0.8865522742271423, 1.6068594455718994] shape [2] torch.float32 grad_fn LogsumexpBackward0
        Row("torch.logsumexp(x, 1)", () => x.LogSumExp(1), [0.8865522742271423, 1.6068594455718994], [2], gradFn: "LogsumexpBackward0"),
        // torch.logsumexp(m, 0, keepdim=True): [2.4328556060791016, 3.0956742763519287, 4.032153606414795] shape [1, 3] torch.float32 grad_fn LogsumexpBackward0
        Row("torch.logsumexp(m, 0, keepdim=True)", () => m.LogSumExp(0, keepDim: true), [2.4328556060791016, 3.0956742763519287, 4.032153606414795],
            [1, 3], gradFn: "LogsumexpBackward0"),
        // torch.cumsum(x, 1): [-0.8999999761581421, -1.2999999523162842, -1.0, 0.5, 1.25, 1.4500000476837158] shape [2, 3] torch.float32 grad_fn CumsumBackward0
        Row("torch.cumsum(x, 1)", () => x.Cumsum(1), [-0.8999999761581421, -1.2999999523162842, -1, 0.5, 1.25, 1.4500000476837158], [2, 3],
            gradFn: "CumsumBackward0"),
        // torch.cumsum(m, 0): [2.0, -1.0, 0.5, 3.0, 2.0, -1.5, 3.25, 2.5, 2.5] shape [3, 3] torch.float32 grad_fn CumsumBackward0
        Row("torch.cumsum(m, 0)", () => m.Cumsum(0), [2, -1, 0.5, 3, 2, -1.5, 3.25, 2.5, 2.5], [3, 3], gradFn: "CumsumBackward0"),
    ];
}
