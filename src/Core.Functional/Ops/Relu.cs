using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = max(x, 0). ∂y/∂x = 1 where y > 0, else 0, applied by the fused <see cref="ReluBackward"/>.</summary>
public sealed class Relu() : UnaryOp<Relu>("ReluBackward0", UnaryKernel.Relu, Saves.Output, (x, y, t) => ReluBackward.Apply(t, y!.Value));

/// <summary>
/// g = ȳ where y > 0, else 0: relu's VJP in one pass (PyTorch's threshold_backward), as a primitive so it can be
/// differentiated again. The mask y is a constant (its derivative is zero almost everywhere), so only ȳ is an input:
/// ∂g/∂ȳ = 1 where y > 0, else 0.
/// </summary>
public sealed class ReluBackward() : ElementwiseOp<NdArray>("ThresholdBackwardBackward0")
{
    static readonly ReluBackward Rule = new();

    /// <summary>ȳ masked by relu's output y (zero where y ≤ 0).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, NdArray y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(UnaryKernel.Relu, yBar.Value, y), y, yBar);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(NdArray y, Expr? g, int input, Expr t) => Apply(t, y);
}
