namespace Nabla.NN;

/// <summary>y = x·Wᵀ + b (torch.nn.Linear): Weight [out, in] and Bias [out], initialised from U(−1/√in, 1/√in).</summary>
public sealed class Linear : Module
{
    /// <summary>A linear layer; the same <paramref name="seed"/> gives the same initial weights.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, int? seed = null, DType? dtype = null)
    {
        if (inFeatures < 0 || outFeatures < 0)
            throw new ArgumentException($"Linear: feature counts must be non-negative, got in_features={inFeatures}, out_features={outFeatures}");
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
        var random = Init.Generator(seed);
        Weight = RegisterParameter("weight", Init.Uniform([outFeatures, inFeatures], inFeatures, random, dtype));
        if (bias) Bias = RegisterParameter("bias", Init.Uniform([outFeatures], inFeatures, random, dtype));
    }

    /// <summary>Number of input features.</summary>
    public int InFeatures { get; }

    /// <summary>Number of output features.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, [out]; null when made with <c>bias: false</c>.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"in_features={InFeatures}, out_features={OutFeatures}, bias={(Bias is null ? "False" : "True")}";
}
