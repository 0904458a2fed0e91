using Nabla.Core.Numerics;

namespace Nabla.Optim;

/// <summary>
/// Stochastic gradient descent (torch.optim.SGD): g = ∇ + λp; with momentum μ, b = μb + g (b = g at first); p ← p − lr·b
/// (p ← p − lr·g without momentum).
/// </summary>
public sealed class SGD : Optimizer
{
    readonly Core.NdArray?[] momentumBuffers;

    /// <summary>SGD with learning rate <paramref name="lr"/>, optional momentum and weight decay.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double weightDecay = 0) : base(parameters)
    {
        Lr = NonNegative(lr, "learning rate", nameof(lr));
        Momentum = NonNegative(momentum, "momentum value", nameof(momentum));
        WeightDecay = NonNegative(weightDecay, "weight_decay value", nameof(weightDecay));
        momentumBuffers = new Core.NdArray?[Parameters.Count];
    }

    /// <summary>Learning rate.</summary>
    public double Lr { get; set; }

    /// <summary>Momentum factor μ.</summary>
    public double Momentum { get; }

    /// <summary>Weight decay λ (L2 penalty).</summary>
    public double WeightDecay { get; }

    private protected override Core.NdArray Update(int index, Core.NdArray value, Core.NdArray grad)
    {
        (value, momentumBuffers[index]) = Updates.Sgd(value, grad, Lr, Momentum, WeightDecay, momentumBuffers[index]);
        return value;
    }
}
