using BenchmarkDotNet.Attributes;

namespace Nabla.Bench;

/// <summary>
/// Per-op overhead: a chain of 3,000 scalar ops, y = tanh(y · 1.0001 + 0.001) repeated 1,000 times, forward and
/// backward; reported per op. PyTorch 1.13 needs about 8 µs per op for the same chain on this machine.
/// </summary>
[MemoryDiagnoser]
public class OpChainBenchmarks
{
    const int Steps = Workbench.ChainSteps, OpsPerStep = Workbench.ChainOps;

    [Benchmark(OperationsPerInvoke = Steps * OpsPerStep)]
    public double ChainForwardBackward() => Workbench.Chain();

    [Benchmark(OperationsPerInvoke = Steps * OpsPerStep)]
    public double ChainForwardNoGrad()
    {
        using var _ = Autograd.NoGrad();
        var y = Tensor.Scalar(0.5);
        for (var i = 0; i < Steps; i++) y = (y * 1.0001 + 0.001).Tanh();
        return y.Item();
    }
}
