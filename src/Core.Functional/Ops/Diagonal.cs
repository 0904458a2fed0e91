namespace Nabla.Core;

/// <summary>
/// y = the diagonal at an offset of the plane of two dimensions of x (those dimensions removed, the diagonal appended
/// last): linear, a view, with adjoint x̄ = zeros of x's shape holding ȳ on that diagonal (<see cref="DiagonalScatter"/>).
/// </summary>
public sealed class Diagonal() : LinearOp<(Shape Input, int Offset, int Dim1, int Dim2)>("DiagonalBackward0", Saves.Shapes, isView: true)
{
    static readonly Diagonal Rule = new();

    /// <summary>
    /// The diagonal of the plane of <paramref name="dim1"/> and <paramref name="dim2"/>: elements x[…, i, …, i + offset, …]
    /// (offset &gt; 0 above the main diagonal, &lt; 0 below; negative dims count from the end).
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int offset = 0, int dim1 = 0, int dim2 = 1) =>
        env =>
        {
            var (d1, d2) = Dims(x.Shape, dim1, dim2, "diagonal");
            return Rule.Record(env, Layout.Diagonal(x.Value, offset, d1, d2), (x.Shape, offset, d1, d2), x);
        };

    /// <summary>The two dims normalized, with PyTorch's errors when they are out of range or the same.</summary>
    internal static (int D1, int D2) Dims(Shape shape, int dim1, int dim2, string op)
    {
        if (shape.Rank < 2)
            throw new ArgumentException($"{op}: expected a tensor of at least 2 dimensions, but got one of shape {shape}");
        var (d1, d2) = (shape.NormalizeDim(dim1, op), shape.NormalizeDim(dim2, op));
        return d1 != d2 ? (d1, d2)
            : throw new ArgumentException($"{op}: diagonal dimensions cannot be identical {dim1}, {dim2} (input of shape {shape})");
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int Offset, int Dim1, int Dim2) s, Shape shape, Expr t) =>
        Apply(t, s.Offset, s.Dim1, s.Dim2);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int Offset, int Dim1, int Dim2) s, Expr yBar) =>
        DiagonalScatter.Apply(yBar, s.Input, s.Offset, s.Dim1, s.Dim2);
}

/// <summary>
/// y = zeros of a shape holding x on the diagonal at an offset of the plane of two dimensions (torch.diagonal_scatter
/// into zeros): linear, the adjoint of <see cref="Diagonal"/>, whose adjoint is x̄ = that diagonal of ȳ.
/// </summary>
public sealed class DiagonalScatter() : LinearOp<(int Offset, int Dim1, int Dim2)>("DiagonalScatterBackward0", Saves.Shapes)
{
    static readonly DiagonalScatter Rule = new();

    /// <summary>Zeros of <paramref name="shape"/> with x on the diagonal <see cref="Diagonal.Apply"/> would read (dims non-negative).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape, int offset, int dim1, int dim2) =>
        env =>
        {
            var expected = Layout.DiagonalWalk(shape, offset, dim1, dim2).Shape;
            if (!x.Shape.Equals(expected))
                throw new ArgumentException($"diagonal_scatter: source of shape {x.Shape} does not fit the diagonal of shape {expected} of a tensor of shape {shape}");
            return Rule.Record(env, Layout.DiagonalScatter(x.Value, shape, offset, dim1, dim2), (offset, dim1, dim2), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((int Offset, int Dim1, int Dim2) s, Shape shape, Expr t) =>
        Apply(t, shape, s.Offset, s.Dim1, s.Dim2);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((int Offset, int Dim1, int Dim2) s, Expr yBar) =>
        Diagonal.Apply(yBar, s.Offset, s.Dim1, s.Dim2);
}
