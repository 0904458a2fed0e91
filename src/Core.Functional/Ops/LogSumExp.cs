using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = ln Σ exp(x) over one dimension, computed stably (max + ln Σ exp(x − max)). ∂y/∂x = exp(x − y), the softmax:
/// x̄ = ȳ (unsqueezed) ⊙ exp(x − y), ẏ = Σ_dim ẋ ⊙ exp(x − y) (PyTorch's logsumexp_backward).
/// </summary>
public sealed class LogSumExp() : Op<(Expr X, int Dim, bool KeepDim)>("LogsumexpBackward0", Saves.Output)
{
    static readonly LogSumExp Rule = new();

    /// <summary>ln Σ exp(x) over <paramref name="dim"/> (negative counts from the end); Int64 x gives the default floating dtype.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, bool keepDim = false) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "logsumexp");
            return Rule.Record(env, AlongDim.LogSumExp(x.Value, d, keepDim), (x, d, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, int Dim, bool KeepDim) s, Expr? y, Expr yBar, int input) =>
        from p in Softmax(s, y!)
        from g in SumDim.Spread((s.X.Shape, s.Dim, s.KeepDim), yBar)
        from r in Mul.Apply(g, p)
        select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, int Dim, bool KeepDim) s, Expr? y, Shape shape, Expr?[] xDots) =>
        from p in Softmax(s, y!)
        from t in Mul.Apply(xDots[0]!, p)
        from r in SumDim.Apply(t, s.Dim, s.KeepDim)
        select r;

    // exp(x − y), y unsqueezed to broadcast.
    static Reader<GradEnv, Expr> Softmax((Expr X, int Dim, bool KeepDim) s, Expr y) =>
        from k in s.KeepDim || s.X.Shape.Rank == 0 ? Pure(y) : Reshape.Apply(y, s.X.Shape.Reduce(s.Dim, keepDim: true))
        from d in Sub.Apply(s.X, k)
        from e in Exp.Apply(d)
        select e;
}
