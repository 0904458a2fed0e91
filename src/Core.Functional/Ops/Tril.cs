namespace Nabla.Core;

/// <summary>
/// y = the lower (tril) or upper (triu) triangle of each matrix in x's last two dimensions, the rest zero: a mask, so
/// linear and its own adjoint (x̄ = the same triangle of ȳ).
/// </summary>
public sealed class Tril(string name, bool lower) : LinearOp<int>(name, Saves.Shapes)
{
    static readonly Tril Lower = new("TrilBackward0", lower: true), Upper = new("TriuBackward0", lower: false);

    /// <summary>x with the elements above diagonal <paramref name="diagonal"/> zeroed (column − row &gt; diagonal).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int diagonal = 0) => Lower.Mask(x, diagonal);

    /// <summary>x with the elements below diagonal <paramref name="diagonal"/> zeroed (column − row &lt; diagonal).</summary>
    public static Reader<GradEnv, Expr> Triu(Expr x, int diagonal = 0) => Upper.Mask(x, diagonal);

    Reader<GradEnv, Expr> Mask(Expr x, int diagonal) =>
        env => x.Shape.Rank >= 2
            ? Record(env, Layout.Triangle(x.Value, diagonal, lower), diagonal, x)
            : throw new ArgumentException($"{(lower ? "tril" : "triu")}: input tensor must have at least 2 dimensions, but got one of shape {x.Shape}");

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(int diagonal, Shape shape, Expr t) => Mask(t, diagonal);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(int diagonal, Expr yBar) => Mask(yBar, diagonal);
}
