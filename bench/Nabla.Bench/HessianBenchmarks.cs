using BenchmarkDotNet.Attributes;

namespace Nabla.Bench;

/// <summary>
/// Autograd.Hessian of f(x) = Σ tanh(A·x), x in R⁶⁴ and A 64×64, Float64 (forward over reverse: one reverse pass, then
/// 64 forward passes through it). bench/torch/hessian.py times torch.autograd.functional.hessian on the same function.
/// </summary>
[MemoryDiagnoser]
public class HessianBenchmarks
{
    const int N = 64;
    readonly Tensor a = Tensor.Randn([N, N], seed: 1, dtype: DType.Float64) * (1.0 / Math.Sqrt(N));
    readonly Tensor x = Tensor.Randn([N], seed: 2, dtype: DType.Float64);

    [Benchmark]
    public double Hessian() => Autograd.Hessian(v => a.MatMul(v).Tanh().Sum(), x).ToArray()[0];
}
