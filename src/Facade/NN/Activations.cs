namespace Nabla.NN;

/// <summary>max(x, 0) elementwise (torch.nn.ReLU).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>tanh(x) elementwise (torch.nn.Tanh).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>1 / (1 + e⁻ˣ) elementwise (torch.nn.Sigmoid).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>Flattens dimensions 1.. into one: [N, C, H, W] → [N, C·H·W] (torch.nn.Flatten with its defaults).</summary>
public sealed class Flatten : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Flatten(input);

    /// <inheritdoc/>
    protected override string ExtraRepr => "start_dim=1, end_dim=-1";
}

/// <summary>
/// In training mode zeroes each element with probability P and scales the others by 1/(1 − P); in evaluation mode
/// the identity (torch.nn.Dropout). Masks come from the module's generator, seeded when a seed is given.
/// </summary>
public sealed class Dropout : Module
{
    readonly Random random;

    /// <summary>A dropout layer with drop probability <paramref name="p"/> in [0, 1].</summary>
    public Dropout(double p = 0.5, int? seed = null)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}", nameof(p));
        P = p;
        random = Init.Generator(seed);
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, random.Next());

    /// <inheritdoc/>
    protected override string ExtraRepr => $"p={P}, inplace=False";
}
