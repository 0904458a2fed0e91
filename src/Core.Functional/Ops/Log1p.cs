namespace Nabla.Core;

/// <summary>y = ln(1 + x), accurate for small x (NaN below −1). ∂y/∂x = 1/(1 + x).</summary>
public sealed class Log1p() : UnaryOp<Log1p>("Log1PBackward0", UnaryKernel.Log1p, Saves.Tensors,   // PyTorch 1.13's spelling
    (x, y, t) => from d in Add.Apply(x!, Expr.Scalar(1, x!.DType)) from r in Div.Apply(t, d) select r);
