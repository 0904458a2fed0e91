using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>
/// y = σ(x) = 1 / (1 + e⁻ˣ). x̄ = ȳ ⊙ y ⊙ (1 − y), ẏ = ẋ ⊙ y ⊙ (1 − y), both by the fused <see cref="SigmoidBackward"/>.
/// </summary>
public sealed class Sigmoid : Op<Unit>
{
    static readonly Sigmoid Rule = new();

    /// <inheritdoc/>
    public override string Name => "SigmoidBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>σ(x) elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Sigmoid, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) =>
        SigmoidBackward.Apply(yBar, y!);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) =>
        SigmoidBackward.Apply(xDots[0]!, y!);
}

/// <summary>
/// g = ȳ ⊙ y ⊙ (1 − y), the fused VJP of the sigmoid (PyTorch's sigmoid_backward), as a primitive so it can be
/// differentiated again: ∂/∂ȳ = ḡ ⊙ y ⊙ (1 − y), ∂/∂y = ḡ ⊙ ȳ ⊙ (1 − 2y); ġ = ȳ̇ ⊙ y ⊙ (1 − y) + ȳ ⊙ (1 − 2y) ⊙ ẏ.
/// </summary>
public sealed class SigmoidBackward : Op<(Expr YBar, Expr Y)>
{
    static readonly SigmoidBackward Rule = new();

    /// <inheritdoc/>
    public override string Name => "SigmoidBackwardBackward0";

    /// <summary>ȳ ⊙ y ⊙ (1 − y) for the sigmoid's output y.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, Expr y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(UnaryKernel.Sigmoid, yBar.Value, y.Value), (yBar, y), yBar, y);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr YBar, Expr Y) saved, Expr? g, Expr gBar, int input) =>
        input == 0
            ? Apply(gBar, saved.Y)
            : from a in Mul.Apply(gBar, saved.YBar)
              from twoY in Mul.Apply(saved.Y, Expr.Scalar(2, saved.Y.DType))
              from b in Sub.Rsub(Expr.Scalar(1, saved.Y.DType), twoY)
              from r in Mul.Apply(a, b)
              select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr YBar, Expr Y) saved, Expr? g, Shape shape, Expr?[] xDots)
    {
        // ȳ ⊙ (1 − 2y) ⊙ ẏ, the tangent through the sigmoid's output.
        Reader<GradEnv, Expr> ThroughY(Expr yDot) =>
            from a in Mul.Apply(yDot, saved.YBar)
            from twoY in Mul.Apply(saved.Y, Expr.Scalar(2, saved.Y.DType))
            from b in Sub.Rsub(Expr.Scalar(1, saved.Y.DType), twoY)
            from r in Mul.Apply(a, b)
            select r;
        return (xDots[0], xDots[1]) switch
        {
            ({ } yBarDot, null) => Apply(yBarDot, saved.Y),
            (null, { } yDot) => ThroughY(yDot),
            (var yBarDot, var yDot) => from l in Apply(yBarDot!, saved.Y) from r in ThroughY(yDot!) from s in Add.Apply(l, r) select s,
        };
    }
}
