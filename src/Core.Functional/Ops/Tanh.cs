namespace Nabla.Core;

/// <summary>y = tanh x. ∂y/∂x = 1 − y², applied by the fused <see cref="TanhBackward"/>.</summary>
public sealed class Tanh() : UnaryOp<Tanh>("TanhBackward0", UnaryKernel.Tanh, Saves.Output, (x, y, t) => TanhBackward.Apply(t, y!));

/// <summary>g = ȳ ⊙ (1 − y²), the fused VJP of tanh (tanh_backward). ∂g/∂ȳ = 1 − y², ∂g/∂y = −2 ȳ ⊙ y.</summary>
public sealed class TanhBackward() : ActivationBackwardOp<TanhBackward>("TanhBackwardBackward0", UnaryKernel.Tanh,
    (yBar, y, t) => from a in Mul.Apply(t, yBar) from b in Mul.Apply(y, Expr.Scalar(-2, y.DType)) from r in Mul.Apply(a, b) select r);
