namespace Nabla.Core;

/// <summary>
/// y = x with its dimensions reordered, y's dimension i being x's dimension dims[i]: linear, a view, with adjoint
/// x̄ = ȳ permuted by the inverse permutation.
/// </summary>
public sealed class Permute() : LinearOp<int[]>("PermuteBackward0", Saves.Shapes, isView: true)
{
    static readonly Permute Rule = new();

    /// <summary>x with dimension i of the result taken from dimension <paramref name="dims"/>[i] (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] dims) =>
        env =>
        {
            var order = Normalize(x.Shape, dims);
            return Rule.Record(env, Layout.Permute(x.Value, order), order, x);
        };

    /// <summary>The dims as a permutation of 0..rank−1, with PyTorch's errors otherwise.</summary>
    static int[] Normalize(Shape shape, int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != shape.Rank)
            throw new ArgumentException(
                "permute: number of dimensions in the tensor input does not match the length of the desired ordering of " +
                $"dimensions i.e. input.dim() = {shape.Rank} is not equal to len(dims) = {dims.Length} (input of shape {shape}, dims [{string.Join(", ", dims)}])");
        var order = new int[dims.Length];
        var seen = new bool[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            order[i] = shape.NormalizeDim(dims[i], "permute");
            if (shape.Rank > 0 && seen[order[i]])
                throw new ArgumentException($"permute(): duplicate dims are not allowed (input of shape {shape}, dims [{string.Join(", ", dims)}])");
            if (shape.Rank > 0) seen[order[i]] = true;
        }
        return order;
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(int[] dims, Shape shape, Expr t) => Apply(t, dims);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(int[] dims, Expr yBar)
    {
        var inverse = new int[dims.Length];
        for (var i = 0; i < dims.Length; i++) inverse[dims[i]] = i;
        return Apply(yBar, inverse);
    }
}
