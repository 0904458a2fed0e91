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
    public Tensor this[params TensorIndex[] indices] => new(GradMode.Run<Expr>(env => LanguageExt.ReaderResult<Expr>.New(Indexed(env, expr, indices))));

    static Expr Indexed(GradEnv env, Expr x, TensorIndex[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var named = indices.Sum(i => i.Kind is TensorIndex.Kinds.Tensor && i.Tensor!.Value.DType == Core.DType.Bool ? i.Tensor.Value.Shape.Rank
            : i.Kind is TensorIndex.Kinds.Int or TensorIndex.Kinds.FromEnd or TensorIndex.Kinds.Range or TensorIndex.Kinds.Tensor ? 1 : 0);
        var ellipses = indices.Count(i => i.Kind == TensorIndex.Kinds.Ellipsis);
        if (ellipses > 1) throw new ArgumentException("index: an index can only have a single ellipsis ('...')", nameof(indices));
        if (named > x.Shape.Rank)
            throw new ArgumentException($"index: too many indices for tensor of dimension {x.Shape.Rank} (shape {x.Shape}, {named} indices)", nameof(indices));
        var (d, rank) = (0, x.Shape.Rank);
        var advanced = new List<(int Dim, NdArray Index)>();
        foreach (var index in indices)
        {
            switch (index.Kind)
            {
                case TensorIndex.Kinds.Ellipsis:
                    d += rank - named;
                    break;
                case TensorIndex.Kinds.NewAxis:
                    x = Core.Reshape.Unsqueeze(x, d++).Eval(env);
                    break;
                case TensorIndex.Kinds.Int or TensorIndex.Kinds.FromEnd:
                {
                    var size = x.Shape[d];
                    var i = index.Kind == TensorIndex.Kinds.FromEnd ? size - index.Value : index.Value;
                    if (i < -size || i >= size)
                        throw new ArgumentOutOfRangeException(nameof(indices),
                            $"index: index {(index.Kind == TensorIndex.Kinds.FromEnd ? -index.Value : index.Value)} is out of bounds for dimension {d} with size {size} (tensor of shape {x.Shape})");
                    x = Core.Narrow.SelectPart(x, d, i < 0 ? i + size : i).Eval(env);
                    break;
                }
                case TensorIndex.Kinds.Range:
                {
                    var size = x.Shape[d];
                    int Bound(System.Index b) => Math.Clamp(b.IsFromEnd ? size - b.Value : b.Value, 0, size);
                    var (start, end) = (Bound(index.Span.Start), Bound(index.Span.End));
                    x = Core.Narrow.Apply(x, d++, start, Math.Max(0, end - start)).Eval(env);
                    break;
                }
                default:
                    var t = index.Tensor!.Value;
                    if (t.DType != Core.DType.Bool) { advanced.Add((d++, t)); break; }
                    if (t.Shape.Rank == 0)
                    {
                        // x[True] adds a dim of size 1, x[False] one of size 0, as PyTorch.
                        x = Core.Reshape.Unsqueeze(x, d).Eval(env);
                        advanced.Add((d++, NdArray.From(t.Span<bool>()[0] ? [0L] : (long[])[], Core.Shape.Of(t.Span<bool>()[0] ? 1 : 0))));
                        break;
                    }
                    foreach (var position in MaskPositions(t, x.Shape, d)) advanced.Add((d++, position));
                    break;
            }
        }
        return advanced.Count == 0 ? x : Advanced(env, x, advanced);
    }

    // A Bool mask over dims d, d + 1, … of x as PyTorch reads it: one Int64 vector per mask dim, the positions of its
    // true elements in row-major order (mask.nonzero()'s columns).
    static NdArray[] MaskPositions(NdArray mask, Core.Shape shape, int d)
    {
        for (var j = 0; j < mask.Shape.Rank; j++)
            if (mask.Shape[j] != shape[d + j])
                throw new ArgumentException(
                    $"The shape of the mask {mask.Shape} at index {j} does not match the shape of the indexed tensor {shape} at index {d + j}");
        var m = mask.Span<bool>();
        var strides = mask.Shape.Strides();
        var count = 0;
        foreach (var b in m) if (b) count++;
        var columns = new long[mask.Shape.Rank][];
        for (var j = 0; j < columns.Length; j++) columns[j] = new long[count];
        var k = 0;
        for (var e = 0; e < m.Length; e++)
        {
            if (!m[e]) continue;
            for (var j = 0; j < columns.Length; j++) columns[j][k] = e / strides[j] % mask.Shape[j];
            k++;
        }
        return columns.Select(c => NdArray.From(c, Core.Shape.Of(c.Length))).ToArray();
    }

    // x indexed by Int64 tensors at the given dims: they broadcast together to one shape B; when they are not adjacent
    // their dims move to the front first; the dims are merged into one and indexed by the combined positions.
    static Expr Advanced(GradEnv env, Expr x, List<(int Dim, NdArray Index)> advanced)
    {
        foreach (var (_, index) in advanced)
            if (index.DType != Core.DType.Int64)
                throw new ArgumentException($"index: tensors used as indices must be long tensors (got {index.DType.Name()} of shape {index.Shape})");
        if (advanced.Count == 1) return Core.IndexSelect.Advanced(x, advanced[0].Dim, advanced[0].Index).Eval(env);
        var shape = advanced.Skip(1).Aggregate(advanced[0].Index.Shape, (s, a) => Core.Shape.Broadcast(s, a.Index.Shape, "index"));
        var dims = advanced.Select(a => a.Dim).ToArray();
        var adjacent = dims.Zip(dims.Skip(1), (a, b) => b == a + 1).All(b => b);
        var first = adjacent ? dims[0] : 0;
        if (!adjacent)
        {
            // Move the indexed dims to the front, in order, the others keeping theirs: each steps forward by swaps with
            // its neighbour (TransposeBackward0 nodes).
            for (var k = 0; k < dims.Length; k++)
                for (var at = dims[k]; at > k; at--) x = Core.Transpose.Apply(x, at - 1, at).Eval(env);
        }
        var sizes = Enumerable.Range(first, dims.Length).Select(k => x.Shape[k]).ToArray();
        var combined = new long[shape.Numel];
        var stride = 1L;
        for (var k = dims.Length - 1; k >= 0; k--)
        {
            var values = Core.Numerics.Layout.Expand(advanced[k].Index, shape).Span<long>().ToArray();
            for (var e = 0; e < combined.Length; e++)
            {
                var p = values[e];
                if (p < -sizes[k] || p >= sizes[k])
                    throw new ArgumentOutOfRangeException("indices",
                        $"index: index {p} is out of bounds for dimension {dims[k]} with size {sizes[k]} (tensor of shape {x.Shape})");
                combined[e] += (p < 0 ? p + sizes[k] : p) * stride;
            }
            stride *= sizes[k];
        }
        var merged = x.Shape.ToArray();
        var flat = Core.Shape.Of([.. merged[..first], (int)stride, .. merged[(first + dims.Length)..]]);
        x = Core.Reshape.Apply(x, flat).Eval(env);
        return Core.IndexSelect.Advanced(x, first, NdArray.From(combined, shape)).Eval(env);
    }

    /// <summary>torch.index_select: the slices along <paramref name="dim"/> at the positions of an Int64 vector (IndexSelectBackward0).</summary>
    public Tensor IndexSelect(int dim, Tensor index) => Run(Core.IndexSelect.Apply(expr, dim, index.Value));

    /// <summary>torch.gather: y[p] = x[p with p[dim] = index[p]] for an Int64 index of x's rank (GatherBackward0).</summary>
    public Tensor Gather(int dim, Tensor index) => Run(Core.Gather.Apply(expr, dim, index.Value));

    /// <summary>torch.scatter_add: this plus <paramref name="source"/>'s elements added at p with p[dim] = index[p] (ScatterAddBackward0).</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor source) => Run(Core.ScatterAdd.Apply(expr, dim, index.Value, source.expr));
}
