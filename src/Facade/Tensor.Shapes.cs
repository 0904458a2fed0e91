using LanguageExt;
using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    // An op that may return its input itself (flatten of one dimension): then this tensor, as PyTorch returns self.
    Tensor RunOnThis(Reader<GradEnv, Expr> op)
    {
        var y = GradMode.Run(op);
        return ReferenceEquals(y, expr) ? this : new(y);
    }

    /// <summary>The dimensions reordered: dimension i of the result is dimension <paramref name="dims"/>[i] of this tensor (PermuteBackward0, a view).</summary>
    public Tensor Permute(params int[] dims) => Run(Core.Permute.Apply(expr, dims));

    /// <summary>This tensor broadcast to <paramref name="sizes"/>; −1 keeps a dimension's size, new dimensions go in front (ExpandBackward0, a view).</summary>
    public Tensor Expand(params int[] sizes) => Run(Core.Expand.Apply(expr, sizes));

    /// <summary>The same elements with another shape, one size possibly −1 (ViewBackward0); Nabla's tensors are always contiguous, so any shape of the same size works.</summary>
    public Tensor View(params int[] shape) => Run(Core.Reshape.View(expr, shape));

    /// <summary>Dimensions <paramref name="startDim"/> to <paramref name="endDim"/> merged into one (ReshapeAliasBackward0); this tensor itself when they are one dimension.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1) => RunOnThis(Core.Reshape.Flatten(expr, startDim, endDim));

    /// <summary>Dimension <paramref name="dim"/> split into <paramref name="sizes"/>, whose product is its size (one may be −1) (ViewBackward0).</summary>
    public Tensor Unflatten(int dim, int[] sizes) => Run(Core.Reshape.Unflatten(expr, dim, sizes));

    /// <summary>This tensor tiled <paramref name="repeats"/>[i] times along dimension i; extra leading repeats add dimensions (RepeatBackward0).</summary>
    public Tensor Repeat(params int[] repeats) => Run(Core.Repeat.Apply(expr, repeats));

    /// <summary>This tensor without any of its size-1 dimensions (SqueezeBackward0, a view).</summary>
    public Tensor Squeeze() => Run(Core.Reshape.Squeeze(expr));

    /// <summary>This tensor with the order of its elements reversed along each of <paramref name="dims"/> (FlipBackward0).</summary>
    public Tensor Flip(params int[] dims) => Run(Core.Flip.Apply(expr, dims));
}
