namespace Nabla.Core;

/// <summary>
/// y = (1/n) Σ max(x, 0) − x·t + ln(1 + e^(−|x|)) over the n elements of logits x and targets t: the mean of
/// −t·ln σ(x) − (1 − t)·ln(1 − σ(x)), PyTorch's binary_cross_entropy_with_logits with mean reduction, finite for
/// any finite x. ∇ₓy = (σ(x) − t)/n, ∇ₜy = −x/n.
/// </summary>
public sealed class BinaryCrossEntropyWithLogits() : ScalarOp<(Expr X, Expr T)>("BinaryCrossEntropyWithLogitsBackward0")
{
    static readonly BinaryCrossEntropyWithLogits Rule = new();

    /// <summary>The mean binary cross-entropy of σ(logits) against target, a 0-dimensional result; shapes must be equal.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr logits, Expr target) =>
        env =>
        {
            if (!logits.Shape.Equals(target.Shape))
                throw new ArgumentException(
                    $"binary_cross_entropy_with_logits: Target size ({target.Shape}) must be the same as input size ({logits.Shape})");
            var dtype = DTypes.Promote(logits.DType, target.DType).ToFloating();
            var y = Losses.BinaryCrossEntropyWithLogits(Layout.Cast(logits.Value, dtype), Layout.Cast(target.Value, dtype));
            return Rule.Record(env, y, (logits, target), logits, target);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Gradient((Expr X, Expr T) saved, Expr? y, int input, Expr t) =>
        input == 0
            ? from p in Sigmoid.Apply(saved.X)
              from d in Sub.Apply(p, saved.T)
              from s in Div.Apply(t, Expr.Scalar(saved.X.Shape.Numel, t.DType))
              from r in Mul.Apply(d, s)
              select r
            : from s in Div.Apply(t, Expr.Scalar(-saved.X.Shape.Numel, t.DType))
              from r in Mul.Apply(saved.X, s)
              select r;
}
