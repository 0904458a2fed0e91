namespace Nabla.Core;

/// <summary>y = x with the order of its elements reversed along some dimensions: linear, and its own adjoint.</summary>
public sealed class Flip() : LinearOp<int[]>("FlipBackward0", Saves.Shapes)
{
    static readonly Flip Rule = new();

    /// <summary>x reversed along each of <paramref name="dims"/> (distinct; negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] dims) =>
        env =>
        {
            ArgumentNullException.ThrowIfNull(dims);
            var order = new int[dims.Length];
            for (var i = 0; i < dims.Length; i++)
            {
                order[i] = x.Shape.NormalizeDim(dims[i], "flip");
                if (System.Array.IndexOf(order, order[i], 0, i) >= 0)
                    throw new ArgumentException($"flip: dim {order[i]} appears multiple times in the list of dims (input of shape {x.Shape}, dims [{string.Join(", ", dims)}])");
            }
            // A 0-dimensional tensor has nothing to reverse (dim 0 or −1 is allowed on it, as in PyTorch).
            var flipped = x.Shape.Rank == 0 ? x.Value : Layout.Flip(x.Value, order);
            return Rule.Record(env, flipped, order, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(int[] dims, Shape shape, Expr t) => Apply(t, dims);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(int[] dims, Expr yBar) => Apply(yBar, dims);
}
