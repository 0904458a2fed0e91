namespace Nabla.Core;

/// <summary>
/// torch.outer, y[i, j] = a[i]·b[j], composed as a unsqueezed to a column times b (broadcasting), as PyTorch 1.13 records
/// it (MulBackward0), so it needs no derivative rule of its own.
/// </summary>
public static class Outer
{
    /// <summary>The outer product of two vectors.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b)
    {
        if (a.Shape.Rank != 1 || b.Shape.Rank != 1)
            return _ => throw new ArgumentException(
                $"outer: Expected 1-D argument {(a.Shape.Rank != 1 ? "self" : "vec2")}, but got {(a.Shape.Rank != 1 ? a : b).Shape.Rank}-D (shapes {a.Shape} and {b.Shape})");
        return from column in Reshape.Unsqueeze(a, 1) from y in Mul.Apply(column, b) select y;
    }
}
