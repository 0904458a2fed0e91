using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = max(x, 0). x̄ = ȳ, ẏ = ẋ where y > 0, else 0, both by the fused <see cref="ReluBackward"/>.</summary>
public sealed class Relu : Op<Unit>
{
    static readonly Relu Rule = new();

    /// <inheritdoc/>
    public override string Name => "ReluBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>max(x, 0) elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Relu, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) =>
        ReluBackward.Apply(yBar, y!.Value);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) =>
        ReluBackward.Apply(xDots[0]!, y!.Value);
}

/// <summary>
/// g = ȳ where y > 0, else 0: relu's VJP in one pass (PyTorch's threshold_backward), as a primitive so it can be
/// differentiated again. It is linear in ȳ: ∂/∂ȳ = ḡ masked the same way, ġ = ȳ̇ masked; the mask y is a constant
/// (its derivative is zero almost everywhere), so only ȳ is an input.
/// </summary>
public sealed class ReluBackward : Op<NdArray>
{
    static readonly ReluBackward Rule = new();

    /// <inheritdoc/>
    public override string Name => "ThresholdBackwardBackward0";

    /// <summary>ȳ masked by relu's output y (zero where y ≤ 0).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, NdArray y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(UnaryKernel.Relu, yBar.Value, y), y, yBar);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(NdArray y, Expr? g, Expr gBar, int input) => Apply(gBar, y);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(NdArray y, Expr? g, Shape shape, Expr?[] xDots) => Apply(xDots[0]!, y);
}
