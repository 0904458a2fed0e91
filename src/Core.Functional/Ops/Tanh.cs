using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = tanh x. x̄ = ȳ ⊙ (1 − y²), ẏ = ẋ ⊙ (1 − y²), both by the fused <see cref="TanhBackward"/>.</summary>
public sealed class Tanh : Op<Unit>
{
    static readonly Tanh Rule = new();

    /// <inheritdoc/>
    public override string Name => "TanhBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>tanh x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Forward(env, x);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr x) =>
        Rule.Record(env, Elementwise.Unary(UnaryKernel.Tanh, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) =>
        TanhBackward.Apply(yBar, y!);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) =>
        TanhBackward.Apply(xDots[0]!, y!);
}

/// <summary>
/// g = ȳ ⊙ (1 − y²), the fused VJP of tanh (PyTorch's tanh_backward), as a primitive so it can be differentiated
/// again: ∂/∂ȳ = ḡ ⊙ (1 − y²), ∂/∂y = −2 ḡ ⊙ ȳ ⊙ y; ġ = ȳ̇ ⊙ (1 − y²) − 2 ȳ ⊙ y ⊙ ẏ.
/// </summary>
public sealed class TanhBackward : Op<(Expr YBar, Expr Y)>
{
    static readonly TanhBackward Rule = new();

    /// <inheritdoc/>
    public override string Name => "TanhBackwardBackward0";

    /// <summary>ȳ ⊙ (1 − y²) for tanh's output y.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, Expr y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(UnaryKernel.Tanh, yBar.Value, y.Value), (yBar, y), yBar, y);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr YBar, Expr Y) saved, Expr? g, Expr gBar, int input) =>
        input == 0
            ? Apply(gBar, saved.Y)
            : from a in Mul.Apply(gBar, saved.YBar)
              from b in Mul.Apply(saved.Y, Expr.Scalar(-2, saved.Y.DType))
              from r in Mul.Apply(a, b)
              select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr YBar, Expr Y) saved, Expr? g, Shape shape, Expr?[] xDots)
    {
        // −2 ȳ ⊙ y ⊙ ẏ, the tangent through tanh's output.
        Reader<GradEnv, Expr> ThroughY(Expr yDot) =>
            from a in Mul.Apply(yDot, saved.YBar)
            from b in Mul.Apply(saved.Y, Expr.Scalar(-2, saved.Y.DType))
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
