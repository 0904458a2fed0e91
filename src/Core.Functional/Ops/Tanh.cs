using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = tanh x. ∂y/∂x = 1 − y², applied by the fused <see cref="TanhBackward"/>.</summary>
public sealed class Tanh() : ElementwiseOp<Unit>("TanhBackward0", Saves.Output)
{
    static readonly Tanh Rule = new();

    /// <summary>tanh x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Tanh, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => TanhBackward.Apply(t, y!);
}

/// <summary>
/// g = ȳ ⊙ (1 − y²), the fused VJP of tanh (PyTorch's tanh_backward), as a primitive so it can be differentiated
/// again: ∂g/∂ȳ = 1 − y², ∂g/∂y = −2 ȳ ⊙ y.
/// </summary>
public sealed class TanhBackward() : ElementwiseOp<(Expr YBar, Expr Y)>("TanhBackwardBackward0")
{
    static readonly TanhBackward Rule = new();

    /// <summary>ȳ ⊙ (1 − y²) for tanh's output y.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, Expr y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(UnaryKernel.Tanh, yBar.Value, y.Value), (yBar, y), yBar, y);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr YBar, Expr Y) saved, Expr? g, int input, Expr t) =>
        input == 0
            ? Apply(t, saved.Y)
            : from a in Mul.Apply(t, saved.YBar)
              from b in Mul.Apply(saved.Y, Expr.Scalar(-2, saved.Y.DType))
              from r in Mul.Apply(a, b)
              select r;
}
