using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    /// <summary>torch.cat: the tensors joined along <paramref name="dim"/> (CatBackward0); their other sizes must match; dtypes promote.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0) => Run(Core.Cat.Apply(Exprs(tensors, "cat"), dim));

    /// <summary>torch.stack: tensors of one shape joined along a new dim <paramref name="dim"/> (StackBackward0).</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => Run(Core.Cat.Stack(Exprs(tensors, "stack"), dim));

    static Expr[] Exprs(IReadOnlyList<Tensor> tensors, string op)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var exprs = new Expr[tensors.Count];
        for (var i = 0; i < exprs.Length; i++)
            exprs[i] = tensors[i]?.expr ?? throw new ArgumentNullException(nameof(tensors), $"{op}: tensor number {i} in the list is null");
        return exprs;
    }

    /// <summary>x[…, start : start + length, …] along <paramref name="dim"/> (SliceBackward0); a negative start counts from the end.</summary>
    public Tensor Narrow(int dim, int start, int length) => Run(Core.Narrow.Apply(expr, dim, start, length));

    /// <summary>Parts of <paramref name="splitSize"/> along <paramref name="dim"/>, the last one smaller when the size does not divide (SplitBackward0).</summary>
    public Tensor[] Split(int splitSize, int dim = 0)
    {
        var (d, n) = SizeAlong(dim, "split");
        if (splitSize < 0) throw new ArgumentException($"split: split expects split_size be non-negative, but got split_size={splitSize}", nameof(splitSize));
        if (splitSize == 0 && n != 0)
            throw new ArgumentException($"split: split_size can only be 0 if dimension size is 0, but got dimension size of {n}", nameof(splitSize));
        var sizes = splitSize == 0 ? [0] : Enumerable.Range(0, Math.Max(1, (n + splitSize - 1) / splitSize)).Select(k => Math.Min(splitSize, n - k * splitSize)).ToArray();
        return Parts(d, sizes);
    }

    /// <summary>Parts of the given <paramref name="sizes"/> along <paramref name="dim"/>, which must sum to its size (SplitWithSizesBackward0).</summary>
    public Tensor[] Split(int[] sizes, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var (d, n) = SizeAlong(dim, "split");
        if (sizes.Any(s => s < 0) || sizes.Sum(s => (long)s) != n)
            throw new ArgumentException(
                $"split: split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size at dimension {d}), but got split_sizes=[{string.Join(", ", sizes)}]",
                nameof(sizes));
        return Parts(d, sizes, withSizes: true);
    }

    /// <summary>At most <paramref name="chunks"/> parts of ⌈size / chunks⌉ along <paramref name="dim"/>, the last one smaller (SplitBackward0).</summary>
    public Tensor[] Chunk(int chunks, int dim = 0)
    {
        if (chunks <= 0) throw new ArgumentException($"chunk: chunk expects `chunks` to be greater than 0, got: {chunks}", nameof(chunks));
        var (_, n) = SizeAlong(dim, "chunk");
        return Split((n + chunks - 1) / chunks, dim);
    }

    /// <summary>The slices along <paramref name="dim"/>, that dim removed (UnbindBackward0).</summary>
    public Tensor[] Unbind(int dim = 0)
    {
        var (d, n) = SizeAlong(dim, "unbind");
        return [.. Enumerable.Range(0, n).Select(i => Run(Core.Narrow.UnbindPart(expr, d, i)))];
    }

    (int Dim, int Size) SizeAlong(int dim, string op)
    {
        if (Rank == 0) throw new ArgumentException($"{op}: cannot be applied to a 0-dim tensor.", nameof(dim));
        var d = Value.Shape.NormalizeDim(dim, op);
        return (d, Value.Shape[d]);
    }

    Tensor[] Parts(int dim, int[] sizes, bool withSizes = false)
    {
        var parts = new Tensor[sizes.Length];
        for (int k = 0, start = 0; k < sizes.Length; start += sizes[k], k++)
            parts[k] = Run(Core.Narrow.SplitPart(expr, dim, start, sizes[k], withSizes));
        return parts;
    }
}
