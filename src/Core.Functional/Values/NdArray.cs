using System.Diagnostics.Contracts;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nabla.Core;

/// <summary>
/// An immutable n-dimensional array: a shape, a dtype and a row-major buffer (float[], double[], long[] or bool[])
/// that is never written after construction. A one-element array made by <see cref="Scalar"/>, <see cref="Full"/> or a
/// kernel holds its value inline instead, without a buffer.
/// </summary>
public sealed class NdArray
{
    readonly Array? data; // null when the single element is held inline
    readonly long one;    // that element's bits (a float in the low four bytes)

    NdArray(Shape shape, DType dtype, Array? data, long one = 0)
    {
        Shape = shape;
        DType = dtype;
        this.data = data;
        this.one = one;
    }

    /// <summary>The dimension sizes.</summary>
    public Shape Shape { get; }

    /// <summary>The element type.</summary>
    public DType DType { get; }

    /// <summary>Number of elements.</summary>
    public int Numel => Shape.Numel;

    // Constructors that take ownership of a freshly filled buffer: callers must not write it afterwards.
    internal static NdArray Own(Shape shape, float[] data) => new(shape, DType.Float32, data);
    internal static NdArray Own(Shape shape, double[] data) => new(shape, DType.Float64, data);
    internal static NdArray Own(Shape shape, long[] data) => new(shape, DType.Int64, data);
    internal static NdArray Own(Shape shape, bool[] data) => new(shape, DType.Bool, data);

    /// <summary>Takes ownership of a freshly filled buffer of element type <typeparamref name="T"/>.</summary>
    internal static NdArray Own<T>(Shape shape, T[] data) where T : unmanaged =>
        typeof(T) == typeof(float) ? new(shape, DType.Float32, data)
        : typeof(T) == typeof(double) ? new(shape, DType.Float64, data)
        : typeof(T) == typeof(long) ? new(shape, DType.Int64, data)
        : typeof(T) == typeof(bool) ? new(shape, DType.Bool, data)
        : throw new NotSupportedException($"no dtype for element type {typeof(T).Name}");

    /// <summary>
    /// A one-element array of element type <typeparamref name="T"/> (float, double, long or bool) holding
    /// <paramref name="value"/> inline: the one object of a scalar, where a buffer would be a second.
    /// </summary>
    internal static NdArray One<T>(Shape shape, T value) where T : unmanaged
    {
        long bits = 0;
        Unsafe.As<long, T>(ref bits) = value;
        var dtype = typeof(T) == typeof(float) ? DType.Float32 : typeof(T) == typeof(double) ? DType.Float64
            : typeof(T) == typeof(long) ? DType.Int64 : typeof(T) == typeof(bool) ? DType.Bool
            : throw new NotSupportedException($"no dtype for element type {typeof(T).Name}");
        return new(shape, dtype, null, bits);
    }

    /// <summary>
    /// The buffer as <typeparamref name="T"/>[]; T must match <see cref="DType"/>. Read only. An element held inline
    /// comes as a fresh one-element array; prefer <see cref="Span{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T[] Buffer<T>() where T : unmanaged => data is null ? [Single<T>()] : Unsafe.As<T[]>(data);

    /// <summary>The elements as a read-only span of <typeparamref name="T"/>; T must match <see cref="DType"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<T> Span<T>() where T : unmanaged =>
        data is null ? MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<long, T>(ref Unsafe.AsRef(in one)), 1) : Unsafe.As<T[]>(data);

    /// <summary>The first element as <typeparamref name="T"/>; T must match <see cref="DType"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T Single<T>() where T : unmanaged => data is null ? Unsafe.As<long, T>(ref Unsafe.AsRef(in one)) : Unsafe.As<T[]>(data)[0];

    /// <summary>
    /// A tensor of the given shape and dtype holding <paramref name="values"/> (converted, copied): truncated for
    /// Int64, nonzero (NaN included) is true for Bool.
    /// </summary>
    [Pure]
    public static NdArray From(ReadOnlySpan<double> values, Shape shape, DType dtype)
    {
        if (values.Length != shape.Numel)
            throw new ArgumentException($"{values.Length} values do not fill shape {shape} ({shape.Numel} elements)");
        switch (dtype)
        {
            case DType.Float32:
                var f = new float[values.Length];
                for (var i = 0; i < f.Length; i++) f[i] = (float)values[i];
                return Own(shape, f);
            case DType.Float64:
                return Own(shape, values.ToArray());
            case DType.Bool:
                var z = new bool[values.Length];
                for (var i = 0; i < z.Length; i++) z[i] = values[i] != 0;
                return Own(shape, z);
            default:
                var l = new long[values.Length];
                for (var i = 0; i < l.Length; i++) l[i] = (long)values[i];
                return Own(shape, l);
        }
    }

    /// <summary>A Float32 tensor holding a copy of <paramref name="values"/>.</summary>
    [Pure]
    public static NdArray From(ReadOnlySpan<float> values, Shape shape) =>
        values.Length == shape.Numel ? Own(shape, values.ToArray())
        : throw new ArgumentException($"{values.Length} values do not fill shape {shape} ({shape.Numel} elements)");

    /// <summary>An Int64 tensor holding a copy of <paramref name="values"/>.</summary>
    [Pure]
    public static NdArray From(ReadOnlySpan<long> values, Shape shape) =>
        values.Length == shape.Numel ? Own(shape, values.ToArray())
        : throw new ArgumentException($"{values.Length} values do not fill shape {shape} ({shape.Numel} elements)");

    /// <summary>A Bool tensor holding a copy of <paramref name="values"/>.</summary>
    [Pure]
    public static NdArray From(ReadOnlySpan<bool> values, Shape shape) =>
        values.Length == shape.Numel ? Own(shape, values.ToArray())
        : throw new ArgumentException($"{values.Length} values do not fill shape {shape} ({shape.Numel} elements)");

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    [Pure]
    public static NdArray Scalar(double value, DType dtype) => Full(Shape.Scalar, value, dtype);

    /// <summary>A tensor of the given shape with every element equal to <paramref name="value"/>.</summary>
    [Pure]
    public static NdArray Full(Shape shape, double value, DType dtype)
    {
        if (shape.Numel == 1)
            return dtype switch
            {
                DType.Float32 => One(shape, (float)value),
                DType.Float64 => One(shape, value),
                DType.Bool => One(shape, value != 0),
                _ => One(shape, (long)value),
            };
        switch (dtype)
        {
            case DType.Float32: { var a = new float[shape.Numel]; Array.Fill(a, (float)value); return Own(shape, a); }
            case DType.Float64: { var a = new double[shape.Numel]; Array.Fill(a, value); return Own(shape, a); }
            case DType.Bool: { var a = new bool[shape.Numel]; Array.Fill(a, value != 0); return Own(shape, a); }
            default: { var a = new long[shape.Numel]; Array.Fill(a, (long)value); return Own(shape, a); }
        }
    }

    /// <summary>Element <paramref name="index"/> of the row-major buffer, as a double (1 or 0 for Bool).</summary>
    public double this[int index] => DType switch
    {
        DType.Float32 => Span<float>()[index],
        DType.Float64 => Span<double>()[index],
        DType.Bool => Span<bool>()[index] ? 1 : 0,
        _ => Span<long>()[index],
    };

    /// <summary>A row-major copy of the elements, converted to double (1 or 0 for Bool).</summary>
    [Pure]
    public double[] ToDoubles()
    {
        var r = new double[Numel];
        switch (DType)
        {
            case DType.Float32: { var s = Span<float>(); for (var i = 0; i < r.Length; i++) r[i] = s[i]; break; }
            case DType.Float64: Span<double>().CopyTo(r); break;
            case DType.Bool: { var s = Span<bool>(); for (var i = 0; i < r.Length; i++) r[i] = s[i] ? 1 : 0; break; }
            default: { var s = Span<long>(); for (var i = 0; i < r.Length; i++) r[i] = s[i]; break; }
        }
        return r;
    }

    /// <summary>The same values converted to <paramref name="dtype"/> (this array when it already has it); floats to Int64 truncate, nonzero becomes true.</summary>
    [Pure]
    public NdArray Cast(DType dtype) => Numerics.Layout.Cast(this, dtype);

    /// <summary>The same elements viewed with another shape of equal size (shares the immutable buffer).</summary>
    [Pure]
    public NdArray WithShape(Shape shape) =>
        shape.Numel == Numel ? new(shape, DType, data, one)
        : throw new ArgumentException($"shape {shape} is invalid for input of size {Numel}");

    /// <summary>Shape and dtype, for diagnostics.</summary>
    public override string ToString() => $"NdArray({Shape}, {DType.Name()})";
}
