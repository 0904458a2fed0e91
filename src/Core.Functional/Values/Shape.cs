using System.Diagnostics.Contracts;

namespace Nabla.Core;

/// <summary>An immutable list of dimension sizes, row-major; <see cref="Scalar"/> has rank 0.</summary>
public sealed class Shape : IEquatable<Shape>
{
    readonly int[] dims;

    Shape(int[] dims)
    {
        this.dims = dims;
        var n = 1;
        foreach (var d in dims) n = checked(n * d);
        Numel = n;
    }

    /// <summary>The shape of a 0-dimensional tensor: rank 0, one element.</summary>
    public static readonly Shape Scalar = new([]);

    /// <summary>A shape with the given sizes (copied); sizes must be non-negative.</summary>
    [Pure]
    public static Shape Of(params int[] dims)
    {
        if (dims.Length == 0) return Scalar;
        foreach (var d in dims)
            if (d < 0) throw new ArgumentException($"negative dimension {d} in shape [{string.Join(", ", dims)}]", nameof(dims));
        return new((int[])dims.Clone());
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => dims.Length;

    /// <summary>Number of elements: the product of the sizes (1 for a scalar).</summary>
    public int Numel { get; }

    /// <summary>Size of dimension <paramref name="dim"/> (non-negative index).</summary>
    public int this[int dim] => dims[dim];

    /// <summary>The sizes as a fresh array.</summary>
    [Pure]
    public int[] ToArray() => (int[])dims.Clone();

    /// <summary>The sizes, read-only and without a copy.</summary>
    public ReadOnlySpan<int> Dims => dims;

    /// <summary>Row-major strides in elements.</summary>
    [Pure]
    public int[] Strides()
    {
        var s = new int[dims.Length];
        var acc = 1;
        for (var i = dims.Length - 1; i >= 0; i--) { s[i] = acc; acc *= dims[i]; }
        return s;
    }

    /// <summary>Maps a possibly negative dim into [0, rank), with PyTorch's error otherwise.</summary>
    [Pure]
    public int NormalizeDim(int dim, string op)
    {
        var rank = Math.Max(Rank, 1);
        if (dim < -rank || dim >= rank)
            throw new ArgumentOutOfRangeException(nameof(dim),
                $"{op}: Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim})");
        return dim < 0 ? dim + rank : dim;
    }

    /// <summary>The shape after reducing <paramref name="dim"/>: size 1 there with keepDim, else removed.</summary>
    [Pure]
    public Shape Reduce(int dim, bool keepDim)
    {
        if (Rank == 0) return this;
        if (keepDim) { var k = ToArray(); k[dim] = 1; return new(k); }
        var r = new int[Rank - 1];
        for (int i = 0, j = 0; i < Rank; i++) if (i != dim) r[j++] = dims[i];
        return r.Length == 0 ? Scalar : new(r);
    }

    /// <summary>This shape with a size-1 dimension inserted at <paramref name="dim"/> (0..rank).</summary>
    [Pure]
    public Shape Insert(int dim)
    {
        var r = new int[Rank + 1];
        for (int i = 0, j = 0; i < r.Length; i++) r[i] = i == dim ? 1 : dims[j++];
        return new(r);
    }

    /// <summary>NumPy/PyTorch broadcasting of two shapes; throws naming the op and both shapes when they do not broadcast.</summary>
    [Pure]
    public static Shape Broadcast(Shape a, Shape b, string op)
    {
        if (ReferenceEquals(a, b) || a.Equals(b)) return a;
        if (a.Rank == 0) return b;
        if (b.Rank == 0) return a;
        var rank = Math.Max(a.Rank, b.Rank);
        var r = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Rank ? 1 : a.dims[i - (rank - a.Rank)];
            var db = i < rank - b.Rank ? 1 : b.dims[i - (rank - b.Rank)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException(
                    $"{op}: shapes {a} and {b} cannot be broadcast: the size of tensor a ({da}) must match the size of tensor b ({db}) at non-singleton dimension {i}");
            r[i] = da == 1 ? db : da;
        }
        return new(r);
    }

    /// <summary>True when this shape broadcasts to <paramref name="target"/> without changing target.</summary>
    [Pure]
    public bool BroadcastsTo(Shape target)
    {
        if (Rank > target.Rank) return false;
        var off = target.Rank - Rank;
        for (var i = 0; i < Rank; i++)
            if (dims[i] != 1 && dims[i] != target.dims[i + off]) return false;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Shape? other) =>
        other is not null && (ReferenceEquals(this, other) || dims.AsSpan().SequenceEqual(other.dims));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var d in dims) h.Add(d);
        return h.ToHashCode();
    }

    /// <summary>PyTorch-like text: <c>[2, 3]</c>, <c>[]</c> for a scalar.</summary>
    public override string ToString() => $"[{string.Join(", ", dims)}]";
}
