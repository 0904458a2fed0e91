namespace Nabla.Core;

/// <summary>y = σ(x) = 1 / (1 + e⁻ˣ). ∂y/∂x = y ⊙ (1 − y), applied by the fused <see cref="SigmoidBackward"/>.</summary>
public sealed class Sigmoid() : UnaryOp<Sigmoid>("SigmoidBackward0", UnaryKernel.Sigmoid, Saves.Output,
    (x, y, t) => SigmoidBackward.Apply(t, y!));

/// <summary>g = ȳ ⊙ y ⊙ (1 − y), the fused VJP of the sigmoid (sigmoid_backward). ∂g/∂ȳ = y ⊙ (1 − y), ∂g/∂y = ȳ ⊙ (1 − 2y).</summary>
public sealed class SigmoidBackward() : ActivationBackwardOp<SigmoidBackward>("SigmoidBackwardBackward0", UnaryKernel.Sigmoid,
    (yBar, y, t) => from a in Mul.Apply(t, yBar)
                    from twoY in Mul.Apply(y, Expr.Scalar(2, y.DType))
                    from b in Sub.Rsub(Expr.Scalar(1, y.DType), twoY)
                    from r in Mul.Apply(a, b)
                    select r);
