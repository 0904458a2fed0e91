namespace Nabla.Core;

/// <summary>
/// y = x², a composite: PyTorch's square is pow(x, 2) (PowBackward0), and so is this one; an Int64 x stays Int64
/// (wrapping on overflow). No rule of its own.
/// </summary>
public static class Square
{
    /// <summary>x² elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => x.DType.IsFloating() ? Pow.Apply(x, 2.0) : Pow.Apply(x, 2L);
}
