namespace Nabla.Core;

/// <summary>y = ln x (NaN below 0, −∞ at 0). ∂y/∂x = 1/x.</summary>
public sealed class Log() : UnaryOp<Log>("LogBackward0", UnaryKernel.Log, Saves.Tensors, (x, y, t) => Div.Apply(t, x!));
