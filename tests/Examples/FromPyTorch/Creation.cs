namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    // The floating ranges are PyTorch's values to the bit (ulps: 0): Nabla computes each as PyTorch 1.13's CPU kernel
    // does, in its pass of two 32-byte vectors at a time with the same fused multiply-adds (src/Core.Functional/Numerics/
    // Ranges.cs), so the rows of 16 and more elements, where a lane counts from its vector's first value, are exact too.

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
            DType.Float64, ulps: 0),
        // torch.arange(-3.7, 9.1, 0.3): 43 values, 9 of which are not the once-rounded start + k·step (lanes count from a
        // Float32-rounded lane base)
        Row("torch.arange(-3.7, 9.1, 0.3)", () => Tensor.Arange(-3.7, 9.1, 0.3),
            [-3.700000047683716, -3.4000000953674316, -3.1000001430511475, -2.799999952316284, -2.5, -2.200000047683716,
             -1.9000000953674316, -1.600000023841858, -1.2999999523162842, -0.9999999403953552, -0.6999999284744263,
             -0.3999999463558197, -0.09999994933605194, 0.20000004768371582, 0.5000000596046448, 0.8000000715255737,
             1.100000023841858, 1.399999976158142, 1.7000000476837158, 2.0, 2.299999952316284, 2.5999999046325684,
             2.9000000953674316, 3.200000047683716, 3.5, 3.799999952316284, 4.099999904632568, 4.400000095367432,
             4.699999809265137, 5.0, 5.300000190734863, 5.599999904632568, 5.900000095367432, 6.199999809265137, 6.5,
             6.800000190734863, 7.099999904632568, 7.400000095367432, 7.699999809265137, 8.0, 8.300000190734863,
             8.600000381469727, 8.899999618530273], [43], ulps: 0),
        // torch.arange(-3.7, 9.1, 0.3, dtype=torch.float64): 5 of the 43 differ from start + k·step by an ulp (lanes count
        // from their vector's first value)
        Row("torch.arange(-3.7, 9.1, 0.3, dtype=torch.float64)", () => Tensor.Arange(-3.7, 9.1, 0.3, DType.Float64),
            [-3.7, -3.4000000000000004, -3.1, -2.8000000000000003, -2.5, -2.2, -1.9, -1.6, -1.3000000000000003,
             -1.0000000000000002, -0.7000000000000003, -0.4000000000000003, -0.10000000000000031, 0.19999999999999968,
             0.49999999999999967, 0.7999999999999996, 1.0999999999999996, 1.3999999999999997, 1.6999999999999997,
             1.9999999999999996, 2.3, 2.5999999999999996, 2.9, 3.1999999999999997, 3.4999999999999996, 3.7999999999999994, 4.1,
             4.3999999999999995, 4.699999999999999, 4.999999999999999, 5.299999999999999, 5.6, 5.8999999999999995,
             6.199999999999999, 6.499999999999999, 6.8, 7.1, 7.3999999999999995, 7.699999999999999, 8.0, 8.299999999999999, 8.6,
             8.899999999999999], [43], DType.Float64, ulps: 0),
        // torch.arange(-2.5, 2.5, 1.25, dtype=torch.int64) -> tensor([-2, -1,  0,  1]): the arguments truncated first (−2, 2, 1)
        Row("torch.arange(-2.5, 2.5, 1.25, dtype=torch.int64)", () => Tensor.Arange(-2.5, 2.5, 1.25, DType.Int64),
            [-2, -1, 0, 1], [4], DType.Int64),
        // torch.linspace(-1, 1, 5) -> tensor([-1.0000, -0.5000,  0.0000,  0.5000,  1.0000])
        Row("torch.linspace(-1, 1, 5)", () => Tensor.Linspace(-1, 1, 5), [-1.0, -0.5, 0.0, 0.5, 1.0], [5], ulps: 0),
        // torch.linspace(0, 1, 7, dtype=torch.float64): the first half from 0, the second from 1
        Row("torch.linspace(0, 1, 7, dtype=torch.float64)", () => Tensor.Linspace(0, 1, 7, DType.Float64),
            [0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666667, 0.8333333333333334, 1.0], [7], DType.Float64,
            ulps: 0),
        // torch.linspace(-0.3, 0.7, 20): 20 Float32 values, the first 16 in PyTorch's vector lanes, the last 4 one by one
        Row("torch.linspace(-0.3, 0.7, 20)", () => Tensor.Linspace(-0.3, 0.7, 20),
            [-0.30000001192092896, -0.24736842513084412, -0.19473685324192047, -0.14210528135299683, -0.08947369456291199,
             -0.03684210777282715, 0.015789449214935303, 0.06842103600502014, 0.12105262279510498, 0.17368420958518982,
             0.22631578147411346, 0.2789473533630371, 0.33157894015312195, 0.3842105269432068, 0.43684208393096924,
             0.4894736707210541, 0.5421052575111389, 0.5947368144989014, 0.6473684310913086, 0.699999988079071], [20], ulps: 0),
        // torch.linspace(0, 10, 4, dtype=torch.int64) -> tensor([ 0,  3,  6, 10]): 10/3 steps, truncated
        Row("torch.linspace(0, 10, 4, dtype=torch.int64)", () => Tensor.Linspace(0, 10, 4, DType.Int64), [0, 3, 6, 10], [4],
            DType.Int64),
        // torch.linspace(0, 100, 30, dtype=torch.int64): a lane's base is truncated before its lanes count from it, so 10 of
        // these 30 are one less than the truncated k·100/29 (23 at k = 7, where 100/29·7 = 24.14)
        Row("torch.linspace(0, 100, 30, dtype=torch.int64)", () => Tensor.Linspace(0, 100, 30, DType.Int64),
            [0, 3, 6, 10, 13, 16, 19, 23, 27, 30, 33, 37, 41, 44, 47, 51, 55, 58, 61, 65, 68, 71, 74, 78, 82, 86, 89, 93, 96, 100],
            [30], DType.Int64),
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
