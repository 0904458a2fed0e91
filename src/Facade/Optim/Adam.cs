using Nabla.Core.Numerics;

namespace Nabla.Optim;

/// <summary>
/// Adam (torch.optim.Adam): g = ∇ + λp; m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²;
/// p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε), with t counted per parameter.
/// </summary>
public sealed class Adam : Optimizer
{
    readonly Updates.AdamState?[] states;

    /// <summary>Adam with PyTorch's defaults.</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                double weightDecay = 0) : base(parameters)
    {
        Lr = NonNegative(lr, "learning rate", nameof(lr));
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}", nameof(beta2));
        (Beta1, Beta2) = (beta1, beta2);
        Eps = NonNegative(eps, "epsilon value", nameof(eps));
        WeightDecay = NonNegative(weightDecay, "weight_decay value", nameof(weightDecay));
        states = new Updates.AdamState?[Parameters.Count];
    }

    /// <summary>Learning rate.</summary>
    public double Lr { get; set; }

    /// <summary>Decay of the first moment, β₁.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second moment, β₂.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator for stability, ε.</summary>
    public double Eps { get; }

    /// <summary>Weight decay λ (L2 penalty added to the gradient).</summary>
    public double WeightDecay { get; }

    private protected override Core.NdArray Update(int index, Core.NdArray value, Core.NdArray grad)
    {
        (value, states[index]) = Updates.Adam(value, grad, states[index], Lr, Beta1, Beta2, Eps, WeightDecay);
        return value;
    }
}
