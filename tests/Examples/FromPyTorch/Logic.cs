namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's logic rows (issue 13), values from tests/torch/from_pytorch_logic.py.</summary>
    static FromPyTorchRow[] LogicRows() =>
    [
        Row("x > 0", () => x.Gt(0), [0.0, 0.0, 1.0, 1.0, 1.0, 1.0], [2, 3], DType.Bool, ulps: 0),
        Row("x.eq(p)", () => x.Eq(p), [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [2, 3], DType.Bool, ulps: 0),
        Row("m.le(v)", () => m.Le(v), [0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0], [3, 3], DType.Bool, ulps: 0),
        Row("i.ne(0)", () => i.Ne(0), [1.0, 0.0, 1.0], [3], DType.Bool, ulps: 0),
        Row("(x > 0).logical_not()", () => x.Gt(0).LogicalNot(), [1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [2, 3], DType.Bool, ulps: 0),
        Row("(x > 0).logical_and(p > 2)", () => x.Gt(0).LogicalAnd(p.Gt(2)), [0.0, 0.0, 0.0, 1.0, 1.0, 1.0], [2, 3], DType.Bool, ulps: 0),
        Row("(x > 0).logical_or(p > 2)", () => x.Gt(0).LogicalOr(p.Gt(2)), [0.0, 0.0, 1.0, 1.0, 1.0, 1.0], [2, 3], DType.Bool, ulps: 0),
        Row("(x > 0).any()", () => x.Gt(0).Any(), [1.0], [], DType.Bool, ulps: 0),
        Row("(x > 0).all()", () => x.Gt(0).All(), [0.0], [], DType.Bool, ulps: 0),
        Row("(x > 0).sum()", () => x.Gt(0).Sum(), [4.0], [], DType.Int64, ulps: 0),
        Row("x.masked_fill(x > 0, 0.0)", () => x.MaskedFill(x.Gt(0), 0.0),
            [-0.8999999761581421, -0.4000000059604645, 0.0, 0.0, 0.0, 0.0], [2, 3], gradFn: "MaskedFillBackward0", ulps: 0),
        Row("torch.where(x > 0, x, p)", () => Tensor.Where(x.Gt(0), x, p),
            [0.5, 1.5, 0.30000001192092896, 0.5, 0.75, 0.20000000298023224], [2, 3], gradFn: "WhereBackward0", ulps: 0),
        Row("torch.where(m > 0, m, 0.0)", () => Tensor.Where(m.Gt(0), m, 0.0),
            [2.0, 0.0, 0.5, 1.0, 3.0, 0.0, 0.25, 0.5, 4.0], [3, 3], gradFn: "WhereBackward0", ulps: 0),
        Row("x.clamp(-0.5, 0.5)", () => x.Clamp(-0.5, 0.5),
            [-0.5, -0.4000000059604645, 0.30000001192092896, 0.5, 0.5, 0.20000000298023224], [2, 3], gradFn: "ClampBackward1", ulps: 0),
        Row("x.clamp(min=0.0)", () => x.Clamp(min: 0.0),
            [0.0, 0.0, 0.30000001192092896, 0.5, 0.75, 0.20000000298023224], [2, 3], gradFn: "ClampBackward1", ulps: 0),
        Row("x.clamp_min(0.25)", () => x.ClampMin(0.25),
            [0.25, 0.25, 0.30000001192092896, 0.5, 0.75, 0.25], [2, 3], gradFn: "ClampMinBackward0", ulps: 0),
        Row("x.clamp_max(0.25)", () => x.ClampMax(0.25),
            [-0.8999999761581421, -0.4000000059604645, 0.25, 0.25, 0.25, 0.20000000298023224], [2, 3], gradFn: "ClampMaxBackward0", ulps: 0),
        Row("m[m > 0]", () => m[m.Gt(0)], [2.0, 0.5, 1.0, 3.0, 0.25, 0.5, 4.0], [7], gradFn: "IndexBackward0", ulps: 0),
    ];
}
