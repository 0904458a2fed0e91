using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    /// <summary>
    /// PyTorch's x[...]: ints select (SelectBackward0), ranges slice (SliceBackward0), <see cref="TensorIndex.NewAxis"/>
    /// adds a dim, <see cref="TensorIndex.Ellipsis"/> stands for the dims not named, Int64 tensors index by position
    /// (IndexBackward0; several broadcast together, and their result dims go first unless they are adjacent), a Bool
    /// mask over the next mask.Rank dims selects its true positions (as Int64 tensors of them).
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("Select")]
    public Tensor this[params TensorIndex[] indices] =>
        Run(Subscript.Apply(expr, (indices ?? throw new ArgumentNullException(nameof(indices))).Select(i => i.Item).ToArray()));

    /// <summary>torch.index_select: the slices along <paramref name="dim"/> at the positions of an Int64 vector (IndexSelectBackward0).</summary>
    public Tensor IndexSelect(int dim, Tensor index) => Run(Core.IndexSelect.Apply(expr, dim, index.Value));

    /// <summary>torch.gather: y[p] = x[p with p[dim] = index[p]] for an Int64 index of x's rank (GatherBackward0).</summary>
    public Tensor Gather(int dim, Tensor index) => Run(Core.Gather.Apply(expr, dim, index.Value));

    /// <summary>torch.scatter_add: this plus <paramref name="source"/>'s elements added at p with p[dim] = index[p] (ScatterAddBackward0).</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor source) => Run(Core.ScatterAdd.Apply(expr, dim, index.Value, source.expr));
}
