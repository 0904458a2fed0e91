namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    // Ranges where PyTorch 1.13's kernel runs its scalar loop (fewer than 16 Float32 or 8 Float64 elements on AVX2) are
    // equal to the bit (ulps: 0): Nabla computes each value as that loop does, with its fused multiply-add. Where PyTorch
    // fills vector lanes from a rounded lane base, its values differ from the one-rounding ones by under one ulp of the
    // largest endpoint (probed over 1,500 random ranges: 0.97 for arange, 1.6 for linspace), hence ulps: 2 there with
    // endpoints of magnitude at most 1.

    /// <summary>The vocabulary's creation rows (issue 13).</summary>
    static FromPyTorchRow[] CreationRows() =>
    [
        // torch.arange(1, 10, 3) -> tensor([1, 4, 7])
        Row("torch.arange(1, 10, 3)", () => Tensor.Arange(1, 10, 3), [1, 4, 7], [3], DType.Int64),
        // torch.arange(5, 0, -2) -> tensor([5, 3, 1])
        Row("torch.arange(5, 0, -2)", () => Tensor.Arange(5L, 0L, -2L), [5, 3, 1], [3], DType.Int64),
        // torch.arange(0, 1, 0.1) -> tensor([0.0000, 0.1000, ..., 0.9000]): ⌈1/0.1⌉ = 10 values, each (float)(0.1·k)
        Row("torch.arange(0, 1, 0.1)", () => Tensor.Arange(0, 1, 0.1),
            [0.0, 0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645, 0.5, 0.6000000238418579,
             0.699999988079071, 0.800000011920929, 0.8999999761581421], [10], ulps: 0),
        // torch.arange(1, 1.3, 0.1, dtype=torch.float64) -> tensor([1.0000, 1.1000, 1.2000, 1.3000], dtype=torch.float64):
        // (1.3 − 1)/0.1 = 3.0000000000000004 in Float64, so ⌈⌉ gives 4 values and 1.3 is one of them, as in PyTorch
        Row("torch.arange(1, 1.3, 0.1, dtype=torch.float64)", () => Tensor.Arange(1, 1.3, 0.1, DType.Float64),
            [1.0, 1.1, 1.2, 1.3], [4], DType.Float64, ulps: 0),
        // torch.arange(-1, 1, 0.125, dtype=torch.float64) -> 16 values, PyTorch's vector lanes
        Row("torch.arange(-1, 1, 0.125, dtype=torch.float64)", () => Tensor.Arange(-1, 1, 0.125, DType.Float64),
            [-1.0, -0.875, -0.75, -0.625, -0.5, -0.375, -0.25, -0.125, 0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875], [16],
            DType.Float64, ulps: 2),
        // torch.arange(-2.5, 2.5, 1.25, dtype=torch.int64) -> tensor([-2, -1,  0,  1]): the arguments truncated first (−2, 2, 1)
        Row("torch.arange(-2.5, 2.5, 1.25, dtype=torch.int64)", () => Tensor.Arange(-2.5, 2.5, 1.25, DType.Int64),
            [-2, -1, 0, 1], [4], DType.Int64),
        // torch.linspace(-1, 1, 5) -> tensor([-1.0000, -0.5000,  0.0000,  0.5000,  1.0000])
        Row("torch.linspace(-1, 1, 5)", () => Tensor.Linspace(-1, 1, 5), [-1.0, -0.5, 0.0, 0.5, 1.0], [5], ulps: 0),
        // torch.linspace(0, 1, 7, dtype=torch.float64): the first half from 0, the second from 1
        Row("torch.linspace(0, 1, 7, dtype=torch.float64)", () => Tensor.Linspace(0, 1, 7, DType.Float64),
            [0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666667, 0.8333333333333334, 1.0], [7], DType.Float64,
            ulps: 0),
        // torch.linspace(-0.3, 0.7, 20): 20 Float32 values, the first 16 in PyTorch's vector lanes
        Row("torch.linspace(-0.3, 0.7, 20)", () => Tensor.Linspace(-0.3, 0.7, 20),
            [-0.30000001192092896, -0.24736842513084412, -0.19473685324192047, -0.14210528135299683, -0.08947369456291199,
             -0.03684210777282715, 0.015789449214935303, 0.06842103600502014, 0.12105262279510498, 0.17368420958518982,
             0.22631578147411346, 0.2789473533630371, 0.33157894015312195, 0.3842105269432068, 0.43684208393096924,
             0.4894736707210541, 0.5421052575111389, 0.5947368144989014, 0.6473684310913086, 0.699999988079071], [20], ulps: 2),
        // torch.linspace(0, 10, 4, dtype=torch.int64) -> tensor([ 0,  3,  6, 10]): 10/3 steps, truncated
        Row("torch.linspace(0, 10, 4, dtype=torch.int64)", () => Tensor.Linspace(0, 10, 4, DType.Int64), [0, 3, 6, 10], [4],
            DType.Int64),
        // torch.linspace(2, 3, 1) -> tensor([2.])
        Row("torch.linspace(2, 3, 1)", () => Tensor.Linspace(2, 3, 1), [2.0], [1], ulps: 0),
        // torch.zeros_like(x) -> tensor([[0., 0., 0.], [0., 0., 0.]]): no grad_fn, no requires_grad
        Row("torch.zeros_like(x)", () => Tensor.ZerosLike(x), [0, 0, 0, 0, 0, 0], [2, 3], ulps: 0),
        // torch.zeros_like(v, dtype=torch.float64) -> tensor([0., 0., 0.], dtype=torch.float64)
        Row("torch.zeros_like(v, dtype=torch.float64)", () => Tensor.ZerosLike(v, dtype: DType.Float64), [0, 0, 0], [3], DType.Float64,
            ulps: 0),
        // torch.ones_like(i) -> tensor([1, 1, 1])
        Row("torch.ones_like(i)", () => Tensor.OnesLike(i), [1, 1, 1], [3], DType.Int64),
        // torch.ones_like(m) -> 3×3 ones
        Row("torch.ones_like(m)", () => Tensor.OnesLike(m), [1, 1, 1, 1, 1, 1, 1, 1, 1], [3, 3], ulps: 0),
        // torch.full_like(m, 2.5) -> 3×3 of 2.5000
        Row("torch.full_like(m, 2.5)", () => Tensor.FullLike(m, 2.5), [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5], [3, 3], ulps: 0),
        // torch.full_like(i, 7) -> tensor([7, 7, 7])
        Row("torch.full_like(i, 7)", () => Tensor.FullLike(i, 7), [7, 7, 7], [3], DType.Int64),
        // torch.full_like(i, 2.5) -> tensor([2, 2, 2]): full_like keeps the Int64 dtype and truncates
        Row("torch.full_like(i, 2.5)", () => Tensor.FullLike(i, 2.5), [2, 2, 2], [3], DType.Int64),
    ];
}
