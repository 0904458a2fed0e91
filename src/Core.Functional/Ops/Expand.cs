namespace Nabla.Core;

/// <summary>y = x broadcast to a larger shape: linear, with adjoint x̄ = ȳ summed back to x's shape (<see cref="SumTo"/>).</summary>
public sealed class Expand() : LinearOp<Shape>("ExpandBackward0", Saves.Shapes, isView: true)
{
    static readonly Expand Rule = new();

    /// <summary>x broadcast to <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        x.Shape.Equals(shape) ? Reading.Pure(x) : env => Rule.Record(env, Layout.Expand(x.Value, shape), x.Shape, x);

    /// <summary>
    /// torch.Tensor.expand: x broadcast to <paramref name="sizes"/>, where −1 keeps x's size of that dimension (not
    /// allowed in a new leading one); recorded (ExpandBackward0) also when the shape does not change, as in PyTorch.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] sizes) =>
        env => Rule.Record(env, Layout.Expand(x.Value, Target(x.Shape, sizes ?? throw new ArgumentNullException(nameof(sizes)))), x.Shape, x);

    static Shape Target(Shape shape, int[] sizes)
    {
        string Shapes() => $"Target sizes: [{string.Join(", ", sizes)}].  Tensor sizes: {shape}";
        if (sizes.Length < shape.Rank)
            throw new ArgumentException(
                $"expand: the number of sizes provided ({sizes.Length}) must be greater or equal to the number of dimensions " +
                $"in the tensor ({shape.Rank}).  {Shapes()}");
        var off = sizes.Length - shape.Rank;
        var target = new int[sizes.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            if (i < off)
            {
                target[i] = sizes[i] >= 0 ? sizes[i]
                    : throw new ArgumentException(
                        $"expand: The expanded size of the tensor ({sizes[i]}) isn't allowed in a leading, non-existing dimension {i}.  {Shapes()}");
                continue;
            }
            var own = shape[i - off];
            target[i] = sizes[i] == -1 ? own
                : own == 1 && sizes[i] >= 0 || sizes[i] == own ? sizes[i]
                : throw new ArgumentException(
                    $"expand: The expanded size of the tensor ({sizes[i]}) must match the existing size ({own}) at non-singleton dimension {i}.  {Shapes()}");
        }
        return Shape.Of(target);
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) => SumTo.Apply(yBar, input);
}

/// <summary>
/// y = x summed down to a shape that broadcasts to x's: linear, the adjoint of <see cref="Expand"/>, whose adjoint is
/// x̄ = ȳ broadcast back.
/// </summary>
public sealed class SumTo() : LinearOp<Shape>("SumBackward1", Saves.Shapes)
{
    static readonly SumTo Rule = new();

    /// <summary>x summed down to <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        env => Rule.Record(env, Reductions.SumTo(x.Value, shape), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Shape input, Shape shape, Expr t) => Apply(t, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Shape input, Expr yBar) => Expand.Apply(yBar, input);
}
