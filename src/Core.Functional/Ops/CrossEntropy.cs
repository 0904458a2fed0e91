namespace Nabla.Core;

/// <summary>
/// y = −(1/N) Σᵢ log softmax(x)[i, tᵢ] for logits x [N, C] and Int64 classes t [N], or x [C] with a 0-dimensional t:
/// PyTorch's cross_entropy with mean reduction. A composite, <see cref="NllLoss"/> of <see cref="LogSoftmax"/>, so
/// its grad_fn is NllLossBackward0 as in PyTorch; the log-softmax's log-sum-exp keeps it finite for large logits.
/// </summary>
public static class CrossEntropy
{
    /// <summary>nll_loss(log_softmax(logits, class dim), targets), a 0-dimensional result; the class dim is 1, or 0 for 1-D logits.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr logits, Expr targets) =>
        from logProbs in LogSoftmax.Apply(logits, logits.Shape.Rank >= 2 ? 1 : 0)
        from y in NllLoss.Apply(logProbs, targets)
        select y;
}
