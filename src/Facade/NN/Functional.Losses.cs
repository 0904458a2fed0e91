namespace Nabla.NN;

public static partial class Functional
{
    /// <summary>
    /// Mean over the batch of −log softmax(logits)[i, targetᵢ], computed stably from logits [N, C] (or [C]) and Int64
    /// class indices [N] (or a 0-dim index): torch.nn.functional.cross_entropy, grad_fn NllLossBackward0.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets) =>
        Tensor.Run(Core.CrossEntropy.Apply(logits.Expr, targets.Expr));

    /// <summary>Mean of −logProbs[i, targetᵢ] (torch.nn.functional.nll_loss).</summary>
    public static Tensor NllLoss(Tensor logProbs, Tensor targets) =>
        Tensor.Run(Core.NllLoss.Apply(logProbs.Expr, targets.Expr));

    /// <summary>Mean of (input − target)² over all elements; shapes must be equal (MseLossBackward0).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target) =>
        Tensor.Run(Core.MseLoss.Apply(input.Expr, target.Expr));

    /// <summary>
    /// Mean of max(x, 0) − x·t + log(1 + e^−|x|), the binary cross-entropy of sigmoid(x) against t, computed without
    /// overflow (BinaryCrossEntropyWithLogitsBackward0).
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target) =>
        Tensor.Run(Core.BinaryCrossEntropyWithLogits.Apply(logits.Expr, target.Expr));
}
