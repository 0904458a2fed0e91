using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = σ(x) = 1 / (1 + e⁻ˣ). ∂y/∂x = y ⊙ (1 − y), applied by the fused <see cref="SigmoidBackward"/>.</summary>
public sealed class Sigmoid() : ElementwiseOp<Unit>("SigmoidBackward0", Saves.Output)
{
    static readonly Sigmoid Rule = new();

    /// <summary>σ(x) elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Sigmoid, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => SigmoidBackward.Apply(t, y!);
}

/// <summary>
/// g = ȳ ⊙ y ⊙ (1 − y), the fused VJP of the sigmoid (PyTorch's sigmoid_backward), as a primitive so it can be
/// differentiated again: ∂g/∂ȳ = y ⊙ (1 − y), ∂g/∂y = ȳ ⊙ (1 − 2y).
/// </summary>
public sealed class SigmoidBackward() : ElementwiseOp<(Expr YBar, Expr Y)>("SigmoidBackwardBackward0")
{
    static readonly SigmoidBackward Rule = new();

    /// <summary>ȳ ⊙ y ⊙ (1 − y) for the sigmoid's output y.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, Expr y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(UnaryKernel.Sigmoid, yBar.Value, y.Value), (yBar, y), yBar, y);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr YBar, Expr Y) saved, Expr? g, int input, Expr t) =>
        input == 0
            ? Apply(t, saved.Y)
            : from a in Mul.Apply(t, saved.YBar)
              from twoY in Mul.Apply(saved.Y, Expr.Scalar(2, saved.Y.DType))
              from b in Sub.Rsub(Expr.Scalar(1, saved.Y.DType), twoY)
              from r in Mul.Apply(a, b)
              select r;
}
