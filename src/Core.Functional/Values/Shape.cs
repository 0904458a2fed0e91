using System.Diagnostics.Contracts;

namespace Nabla.Core;

/// <summary>An immutable list of dimension sizes, row-major; <see cref="Scalar"/> has rank 0.</summary>
public sealed class Shape : IEquatable<Shape>
{
    readonly int[] dims;

    Shape(int[] dims)
    {
        this.dims = dims;
        Numel = Count(dims);
    }

    // The largest number of elements a tensor can hold: its buffer is one .NET array, and the runtime allows at most
    // Array.MaxLength (2³¹ − 57) elements in one.
    internal static readonly int MaxNumel = System.Array.MaxLength;

    // The product of the sizes: 0 when any size is 0, however large the others (PyTorch allows [0, 2²⁰, 2²⁰]), and an
    // ArgumentException naming the shape when it exceeds MaxNumel. The sizes are non-negative, and a running product
    // below 2³¹ times a size below 2³¹ fits in a long.
    static int Count(int[] dims)
    {
        if (System.Array.IndexOf(dims, 0) >= 0) return 0;
        var n = 1L;
        foreach (var d in dims)
            if ((n *= d) > MaxNumel) throw TooLarge(dims);
        return (int)n;
    }

    static ArgumentException TooLarge(int[] dims)
    {
        var n = System.Numerics.BigInteger.One;
        foreach (var d in dims) n *= d;
        return new($"shape [{string.Join(", ", dims)}] has {n} elements, more than a tensor can hold ({MaxNumel})");
    }

    /// <summary>The shape of a 0-dimensional tensor: rank 0, one element.</summary>
    public static readonly Shape Scalar = new([]);

    /// <summary>
    /// A shape with the given sizes (copied); sizes must be non-negative, and their product at most Array.MaxLength (2³¹ − 57) unless one of
    /// them is 0 (ArgumentException naming the shape otherwise).
    /// </summary>
    [Pure]
    public static Shape Of(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
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

    /// <summary>Row-major strides in elements (all 0 for a shape without elements, whose sizes may overflow an int).</summary>
    [Pure]
    public int[] Strides()
    {
        var s = new int[dims.Length];
        if (Numel == 0) return s;
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
                $"{op}: Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim}) for a tensor of shape {this}");
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
    public static Shape Broadcast(Shape a, Shape b, string op) =>
        TryBroadcast(a, b, out var shape, out var dim) ? shape
        : throw new ArgumentException(
            $"{op}: shapes {a} and {b} cannot be broadcast: the size of tensor a ({SizeAt(a, dim, shape.Rank)}) must match " +
            $"the size of tensor b ({SizeAt(b, dim, shape.Rank)}) at non-singleton dimension {dim}");

    /// <summary>Broadcasts two shapes; false, with the first dimension that conflicts, when they do not broadcast.</summary>
    public static bool TryBroadcast(Shape a, Shape b, out Shape shape, out int conflict)
    {
        conflict = -1;
        if (ReferenceEquals(a, b) || a.Equals(b) || b.Rank == 0) { shape = a; return true; }
        if (a.Rank == 0) { shape = b; return true; }
        var rank = Math.Max(a.Rank, b.Rank);
        var r = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            int da = SizeAt(a, i, rank), db = SizeAt(b, i, rank);
            if (da != db && da != 1 && db != 1)
            {
                conflict = i;
                shape = new(r);
                return false;
            }
            r[i] = da == 1 ? db : da;
        }
        shape = new(r);
        return true;
    }

    // The size of s at dimension i of a rank-`rank` broadcast (1 for the dimensions s lacks in front).
    static int SizeAt(Shape s, int i, int rank) => i < rank - s.Rank ? 1 : s.dims[i - (rank - s.Rank)];

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
