namespace Nabla.Core;

/// <summary>
/// y = −(1/N) Σᵢ x[i, tᵢ] for log-probabilities x [N, C] and Int64 classes t [N], or x [C] with a 0-dimensional t
/// (N = 1): PyTorch's nll_loss with mean reduction. ∇ₓy = −1/N at each (i, tᵢ), 0 elsewhere; t gets no gradient.
/// Not supported: class weights, ignore_index (PyTorch skips targets equal to −100; here they are out of bounds)
/// and inputs of rank above 2.
/// </summary>
public sealed class NllLoss() : ScalarOp<(Shape Shape, NdArray Targets)>("NllLossBackward0")
{
    static readonly NllLoss Rule = new();

    /// <summary>−(1/N) Σᵢ logProbs[i, targets[i]], a 0-dimensional result in logProbs' floating dtype.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr logProbs, Expr targets) =>
        env =>
        {
            var classes = Check(logProbs.Shape, targets);
            var x = Layout.Cast(logProbs.Value, logProbs.DType.ToFloating());
            var y = Losses.NllLoss(x, targets.Value.Span<long>(), classes);
            return Rule.Record(env, y, (logProbs.Shape, targets.Value), logProbs);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Gradient((Shape Shape, NdArray Targets) saved, Expr? y, int input, Expr t) =>
        Mul.Apply(t, Expr.Constant(Losses.NllLossWeights(saved.Shape, saved.Targets.Span<long>(), t.DType)));

    // PyTorch's checks, in its order, with its messages; returns C.
    static int Check(Shape input, Expr targets)
    {
        var t = targets.Shape;
        if (input.Rank == 0) throw new ArgumentException("nll_loss: Expected 1 or more dimensions (got 0)");
        if (input.Rank > 2)
            throw new ArgumentException($"nll_loss: expected an input of shape [N, C] or [C], got {input} (Nabla has no K-dimensional nll_loss)");
        if (input.Rank == 2 && t.Rank == 1 && t[0] != input[0])
            throw new ArgumentException(
                $"nll_loss: Expected input batch_size ({input[0]}) to match target batch_size ({t[0]}). (input {input}, target {t})");
        if (t.Rank > 1) throw new ArgumentException($"nll_loss: 0D or 1D target tensor expected, multi-target not supported (target {t})");
        if (t.Rank != input.Rank - 1)
            throw new ArgumentException($"nll_loss: size mismatch (got input: {input}, target: {t})");
        if (targets.DType != DType.Int64)
            throw new ArgumentException(
                $"nll_loss: expected scalar type Long but found {targets.DType.ScalarTypeName()}");
        var classes = input[input.Rank - 1];
        foreach (var c in targets.Value.Span<long>())
            if (c < 0 || c >= classes)
                throw new ArgumentOutOfRangeException(nameof(targets), $"nll_loss: Target {c} is out of bounds. (input {input})");
        return classes;
    }
}
