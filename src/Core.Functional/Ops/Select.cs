namespace Nabla.Core;

/// <summary>y = x[i] along dimension 0: linear, with adjoint x̄ = zeros of x's shape holding ȳ at i (<see cref="SelectScatter"/>).</summary>
public sealed class Select() : LinearOp<(Shape Shape, int Index)>("SelectBackward0", Saves.Shapes, isView: true)
{
    static readonly Select Rule = new();

    /// <summary>The slice at <paramref name="index"/> of dimension 0 (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int index) =>
        env =>
        {
            if (x.Shape.Rank == 0) throw new ArgumentException("select() cannot be applied to a 0-dim tensor.");
            var n = x.Shape[0];
            if (index < -n || index >= n)
                throw new ArgumentOutOfRangeException(nameof(index), $"select(): index {index} out of range for tensor of size {x.Shape} at dimension 0");
            var i = index < 0 ? index + n : index;
            return Rule.Record(env, Layout.Slice(x.Value, i), (x.Shape, i), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Shape, int Index) s, Shape shape, Expr t) => Apply(t, s.Index);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Shape, int Index) s, Expr yBar) =>
        SelectScatter.Apply(yBar, s.Shape, s.Index);
}

/// <summary>
/// y = zeros of a shape with x placed at index i of dimension 0: linear, the adjoint of <see cref="Select"/>, whose
/// adjoint is x̄ = ȳ[i].
/// </summary>
public sealed class SelectScatter() : LinearOp<int>("SelectScatterBackward0", Saves.Shapes)
{
    static readonly SelectScatter Rule = new();

    /// <summary>Zeros of <paramref name="shape"/> holding <paramref name="x"/> at <paramref name="index"/> of dimension 0.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape, int index) =>
        env => Rule.Record(env, Layout.Embed(x.Value, shape, index), index, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(int index, Shape shape, Expr t) => Apply(t, shape, index);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(int index, Expr yBar) => Select.Apply(yBar, index);
}
