using Nabla.Core;

namespace Nabla.NN;

/// <summary>The layers and losses as functions (torch.nn.functional).</summary>
public static partial class Functional
{
    /// <summary>
    /// x·Wᵀ + b for weight [out, in] and bias [out]. A 2-D input with a bias is one fused op (AddmmBackward0, as
    /// PyTorch); without a bias it is x·Wᵀ (MmBackward0); other ranks go through MatMul.
    /// </summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        if (input.Rank == 2 && bias is not null) return Tensor.Run(Core.Linear.Apply(input.Expr, weight.Expr, bias.Expr));
        var y = input.MatMul(weight.T());
        return bias is null ? y : y + bias;
    }

    /// <summary>Flattens dimensions <paramref name="startDim"/>.. into one (ViewBackward0 as a reshape).</summary>
    public static Tensor Flatten(Tensor input, int startDim = 1)
    {
        if (input.Rank == 0) return input.Reshape(1);
        var start = startDim < 0 ? startDim + input.Rank : startDim;
        if (start < 0 || start >= input.Rank)
            throw new ArgumentException($"flatten: start_dim {startDim} is out of range for a tensor of rank {input.Rank}");
        return input.Reshape([.. input.Shape[..start], -1]);
    }

    /// <summary>
    /// When <paramref name="training"/>, zeroes each element with probability <paramref name="p"/> and scales the rest by
    /// 1/(1 − p) (NativeDropoutBackward0); otherwise returns the input. The same seed gives the same mask.
    /// </summary>
    public static Tensor Dropout(Tensor input, double p, bool training, int seed)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}", nameof(p));
        return training && p > 0 ? Tensor.Run(Core.Dropout.Apply(input.Expr, p, seed)) : input;
    }
}
