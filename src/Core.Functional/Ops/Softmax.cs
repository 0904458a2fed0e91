using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>
/// y = exp(x) / Σ_dim exp(x), computed stably. Its Jacobian diag(y) − y yᵀ is symmetric: J·t = y ⊙ (t − Σ_dim(t ⊙ y))
/// serves as x̄ (t = ȳ) and as ẏ (t = ẋ).
/// </summary>
public sealed class Softmax : SelfAdjointOp<int>
{
    static readonly Softmax Rule = new();

    /// <inheritdoc/>
    public override string Name => "SoftmaxBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>Softmax along <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "softmax");
            return Rule.Record(env, Rows.Softmax(x.Value, d), d, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> JacobianTimes(int dim, Expr? y, Expr t) =>
        from ty in Mul.Apply(t, y!)
        from s in SumDim.Apply(ty, dim, keepDim: true)
        from d in Sub.Apply(t, s)
        from r in Mul.Apply(y!, d)
        select r;
}

/// <summary>y = x − ln Σ_dim exp(x), computed stably. x̄ = ȳ − exp(y) ⊙ Σ_dim ȳ; ẏ = ẋ − Σ_dim(exp(y) ⊙ ẋ).</summary>
public sealed class LogSoftmax : Op<int>
{
    static readonly LogSoftmax Rule = new();

    /// <inheritdoc/>
    public override string Name => "LogSoftmaxBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>Log-softmax along <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "log_softmax");
            return Rule.Record(env, Rows.LogSoftmax(x.Value, d), d, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(int dim, Expr? y, Expr yBar, int input) =>
        from s in SumDim.Apply(yBar, dim, keepDim: true)
             from p in Exp.Apply(y!)
             from ps in Mul.Apply(p, s)
             from r in Sub.Apply(yBar, ps)
             select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(int dim, Expr? y, Shape shape, Expr?[] xDots) =>
        from p in Exp.Apply(y!)
        from px in Mul.Apply(p, xDots[0]!)
        from s in SumDim.Apply(px, dim, keepDim: true)
        from r in Sub.Apply(xDots[0]!, s)
        select r;
}
