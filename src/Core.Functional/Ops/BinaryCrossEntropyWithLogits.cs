using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>
/// y = (1/n) Σ max(x, 0) − x·t + ln(1 + e^(−|x|)) over the n elements of logits x and targets t: the mean of
/// −t·ln σ(x) − (1 − t)·ln(1 − σ(x)), PyTorch's binary_cross_entropy_with_logits with mean reduction, finite for
/// any finite x. x̄ = ȳ·(σ(x) − t)/n, t̄ = −ȳ·x/n; ẏ = (1/n) Σ (σ(x) − t)·ẋ − x·ṫ.
/// </summary>
public sealed class BinaryCrossEntropyWithLogits : Op<(Expr X, Expr T)>
{
    static readonly BinaryCrossEntropyWithLogits Rule = new();

    /// <inheritdoc/>
    public override string Name => "BinaryCrossEntropyWithLogitsBackward0";

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
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, Expr T) saved, Expr? y, Expr yBar, int input) =>
        input == 0
            ? from p in Sigmoid.Apply(saved.X)
              from d in Sub.Apply(p, saved.T)
              from s in Div.Apply(yBar, Expr.Scalar(saved.X.Shape.Numel, yBar.DType))
              from r in Mul.Apply(d, s)
              select r
            : from s in Div.Apply(yBar, Expr.Scalar(-saved.X.Shape.Numel, yBar.DType))
              from r in Mul.Apply(saved.X, s)
              select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, Expr T) saved, Expr? y, Shape shape, Expr?[] xDots)
    {
        var (xDot, tDot) = (xDots[0], xDots[1]);
        var logits = xDot is null ? null
            : from p in Sigmoid.Apply(saved.X)
              from d in Sub.Apply(p, saved.T)
              from m in Mul.Apply(d, xDot)
              from s in Sum.Apply(m)
              select s;
        var targets = tDot is null ? null : from m in Mul.Apply(saved.X, tDot) from s in Sum.Apply(m) select s;
        // The targets' term is subtracted from the logits' or, alone, negated by the scale.
        var sum = logits is null ? targets!
            : targets is null ? logits
            : from a in logits from b in targets from d in Sub.Apply(a, b) select d;
        return from s in sum
               from r in Mul.Apply(s, Expr.Scalar((logits is null ? -1.0 : 1.0) / saved.X.Shape.Numel, s.DType))
               select r;
    }
}
