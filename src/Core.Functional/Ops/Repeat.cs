namespace Nabla.Core;

/// <summary>
/// y = x tiled repeats[i] times along dimension i (torch.Tensor.repeat; x's dimensions align with the last of repeats):
/// linear, with adjoint x̄ = the tiles of ȳ summed, ȳ viewed as [r₀, s₀, r₁, s₁, …] and summed over the rᵢ.
/// </summary>
public sealed class Repeat() : LinearOp<(Shape Input, int[] Repeats)>("RepeatBackward0", Saves.Shapes)
{
    static readonly Repeat Rule = new();

    /// <summary>x tiled <paramref name="repeats"/>[i] times along dimension i (at least as many repeats as x has dimensions).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] repeats) =>
        env =>
        {
            ArgumentNullException.ThrowIfNull(repeats);
            if (repeats.Length < x.Shape.Rank)
                throw new ArgumentException(
                    "repeat: Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor " +
                    $"(repeats [{string.Join(", ", repeats)}] for a tensor of shape {x.Shape})");
            var off = repeats.Length - x.Shape.Rank;
            var sizes = repeats.Select((r, i) => (long)r * (i < off ? 1 : x.Shape[i - off])).ToArray();
            if (sizes.FirstOrDefault(s => s < 0) is var negative and < 0)
                throw new ArgumentException(
                    $"repeat: Trying to create tensor with negative dimension {negative}: [{string.Join(", ", sizes)}] " +
                    $"(repeats [{string.Join(", ", repeats)}] for a tensor of shape {x.Shape})");
            return Rule.Record(env, Layout.Repeat(x.Value, repeats), (x.Shape, (int[])repeats.Clone()), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int[] Repeats) s, Shape shape, Expr t) => Apply(t, s.Repeats);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int[] Repeats) s, Expr yBar)
    {
        var rank = s.Repeats.Length;
        var off = rank - s.Input.Rank;
        var tiled = new int[2 * rank];
        var tile = new int[2 * rank];
        for (var i = 0; i < rank; i++)
        {
            var size = i < off ? 1 : s.Input[i - off];
            (tiled[2 * i], tiled[2 * i + 1]) = (s.Repeats[i], size);
            (tile[2 * i], tile[2 * i + 1]) = (1, size);
        }
        return from split in Reshape.Apply(yBar, Shape.Of(tiled))
               from summed in SumTo.Apply(split, Shape.Of(tile))
               from r in Reshape.Apply(summed, s.Input)
               select r;
    }
}
