namespace Nabla.Core;

/// <summary>One entry of x[...]: what <see cref="Subscript"/> reads in each place.</summary>
public abstract record SubscriptItem
{
    SubscriptItem() { }

    /// <summary>Position <paramref name="Position"/> (negative counts from the end; ^i is i <paramref name="FromEnd"/>): selects and removes the dim.</summary>
    public sealed record At(long Position, bool FromEnd = false) : SubscriptItem;

    /// <summary>The slice [start, end) of the dim, clamped to its size as Python's slices are.</summary>
    public sealed record Slice(System.Range Range) : SubscriptItem;

    /// <summary>Int64 positions (advanced indexing: their shape takes the dim's place), or a Bool mask over the next mask.Rank dims.</summary>
    public sealed record Positions(NdArray Index) : SubscriptItem;

    /// <summary><c>...</c>: as many full slices as the other entries leave dims.</summary>
    public sealed record Ellipsis : SubscriptItem;

    /// <summary><c>None</c>: a new dim of size 1 here.</summary>
    public sealed record NewAxis : SubscriptItem;
}

/// <summary>
/// x[...] as PyTorch reads it, a composite of other ops (no rules of its own): positions select (SelectBackward0), slices
/// narrow (SliceBackward0), new axes unsqueeze, Int64 positions index (IndexBackward0; several broadcast together, and
/// their result dims go first unless they are adjacent), a Bool mask stands for the positions of its true elements.
/// </summary>
public static class Subscript
{
    /// <summary>x indexed by <paramref name="items"/>, left to right.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, IReadOnlyList<SubscriptItem> items) =>
        env => ReaderResult<Expr>.New(Indexed(env, x, items));

    static Expr Indexed(GradEnv env, Expr x, IReadOnlyList<SubscriptItem> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var named = indices.Sum(i => i is SubscriptItem.Positions { Index.DType: DType.Bool } mask ? mask.Index.Shape.Rank
            : i is SubscriptItem.At or SubscriptItem.Slice or SubscriptItem.Positions ? 1 : 0);
        var ellipses = indices.Count(i => i is SubscriptItem.Ellipsis);
        if (ellipses > 1) throw new ArgumentException("index: an index can only have a single ellipsis ('...')", nameof(indices));
        if (named > x.Shape.Rank)
            throw new ArgumentException($"index: too many indices for tensor of dimension {x.Shape.Rank} (shape {x.Shape}, {named} indices)", nameof(indices));
        var (d, rank) = (0, x.Shape.Rank);
        var advanced = new List<(int Dim, NdArray Index)>();
        foreach (var index in indices)
        {
            switch (index)
            {
                case SubscriptItem.Ellipsis:
                    d += rank - named;
                    break;
                case SubscriptItem.NewAxis:
                    x = Reshape.Unsqueeze(x, d++).Eval(env);
                    break;
                case SubscriptItem.At at:
                {
                    var size = x.Shape[d];
                    var i = at.FromEnd ? size - at.Position : at.Position;
                    if (i < -size || i >= size)
                        throw new ArgumentOutOfRangeException(nameof(indices),
                            $"index: index {(at.FromEnd ? -at.Position : at.Position)} is out of bounds for dimension {d} with size {size} (tensor of shape {x.Shape})");
                    x = Narrow.SelectPart(x, d, (int)(i < 0 ? i + size : i)).Eval(env);
                    break;
                }
                case SubscriptItem.Slice slice:
                {
                    var size = x.Shape[d];
                    int Bound(System.Index b) => Math.Clamp(b.IsFromEnd ? size - b.Value : b.Value, 0, size);
                    var (start, end) = (Bound(slice.Range.Start), Bound(slice.Range.End));
                    x = Narrow.Apply(x, d++, start, Math.Max(0, end - start)).Eval(env);
                    break;
                }
                case SubscriptItem.Positions positions:
                    var t = positions.Index;
                    if (t.DType != DType.Bool) { advanced.Add((d++, t)); break; }
                    if (t.Shape.Rank == 0)
                    {
                        // x[True] adds a dim of size 1, x[False] one of size 0, as PyTorch.
                        x = Reshape.Unsqueeze(x, d).Eval(env);
                        advanced.Add((d++, NdArray.From(t.Span<bool>()[0] ? [0L] : (long[])[], Shape.Of(t.Span<bool>()[0] ? 1 : 0))));
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
    static NdArray[] MaskPositions(NdArray mask, Shape shape, int d)
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
        return columns.Select(c => NdArray.From(c, Shape.Of(c.Length))).ToArray();
    }

    // x indexed by Int64 tensors at the given dims: they broadcast together to one shape B; when they are not adjacent
    // their dims move to the front first; the dims are merged into one and indexed by the combined positions.
    static Expr Advanced(GradEnv env, Expr x, List<(int Dim, NdArray Index)> advanced)
    {
        foreach (var (_, index) in advanced)
            if (index.DType != DType.Int64)
                throw new ArgumentException($"index: tensors used as indices must be long tensors (got {index.DType.Name()} of shape {index.Shape})");
        if (advanced.Count == 1) return IndexSelect.Advanced(x, advanced[0].Dim, advanced[0].Index).Eval(env);
        var shape = advanced.Skip(1).Aggregate(advanced[0].Index.Shape, (s, a) => Shape.Broadcast(s, a.Index.Shape, "index"));
        var dims = advanced.Select(a => a.Dim).ToArray();
        var adjacent = dims.Zip(dims.Skip(1), (a, b) => b == a + 1).All(b => b);
        var first = adjacent ? dims[0] : 0;
        if (!adjacent)
        {
            // Move the indexed dims to the front, in order, the others keeping theirs: each steps forward by swaps with
            // its neighbour (TransposeBackward0 nodes).
            for (var k = 0; k < dims.Length; k++)
                for (var at = dims[k]; at > k; at--) x = Transpose.Apply(x, at - 1, at).Eval(env);
        }
        var sizes = Enumerable.Range(first, dims.Length).Select(k => x.Shape[k]).ToArray();
        var combined = new long[shape.Numel];
        var stride = 1L;
        for (var k = dims.Length - 1; k >= 0; k--)
        {
            var values = Numerics.Layout.Expand(advanced[k].Index, shape).Span<long>().ToArray();
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
        var flat = Shape.Of([.. merged[..first], (int)stride, .. merged[(first + dims.Length)..]]);
        x = Reshape.Apply(x, flat).Eval(env);
        return IndexSelect.Advanced(x, first, NdArray.From(combined, shape)).Eval(env);
    }
}
