namespace Nabla.Core;

/// <summary>
/// torch.diag: a vector v to the square matrix with v on its diagonal at an offset, or a matrix to the vector of that
/// diagonal. Linear, with adjoint the other direction: x̄ = the diagonal of ȳ, or ȳ on the diagonal of zeros of x's shape.
/// </summary>
public sealed class Diag() : LinearOp<(Shape Input, int Offset)>("DiagBackward0", Saves.Shapes)
{
    static readonly Diag Rule = new();

    /// <summary>
    /// For a vector of n elements, the (n + |offset|)-square matrix with it on the diagonal at <paramref name="offset"/>;
    /// for a matrix, that diagonal as a vector.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int offset = 0) =>
        env => x.Shape.Rank switch
        {
            1 => Rule.Record(env, Layout.DiagonalScatter(x.Value, Square(x.Shape[0], offset), offset, 0, 1), (x.Shape, offset), x),
            2 => Rule.Record(env, Layout.Diagonal(x.Value, offset, 0, 1), (x.Shape, offset), x),
            _ => throw new ArgumentException($"diag: matrix or a vector expected, but got a tensor of shape {x.Shape}"),
        };

    static Shape Square(int n, int offset)
    {
        var size = n + Math.Abs((long)offset);
        return size <= int.MaxValue ? Shape.Of((int)size, (int)size)
            : throw new ArgumentException($"diag: a vector of shape [{n}] at offset {offset} gives a matrix larger than a tensor can hold");
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int Offset) s, Shape shape, Expr t) => Apply(t, s.Offset);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int Offset) s, Expr yBar) =>
        s.Input.Rank == 1 ? Diagonal.Apply(yBar, s.Offset) : DiagonalScatter.Apply(yBar, s.Input, s.Offset, 0, 1);
}
