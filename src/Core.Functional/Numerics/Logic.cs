using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics;

/// <summary>Elementwise comparisons (Bool results).</summary>
public enum CompareKind
{
    /// <summary>x = y (torch.eq).</summary>
    Eq,
    /// <summary>x ≠ y (torch.ne).</summary>
    Ne,
    /// <summary>x &lt; y (torch.lt).</summary>
    Lt,
    /// <summary>x ≤ y (torch.le).</summary>
    Le,
    /// <summary>x &gt; y (torch.gt).</summary>
    Gt,
    /// <summary>x ≥ y (torch.ge).</summary>
    Ge,
}

/// <summary>Elementwise logical combinations of two tensors read as Bool.</summary>
public enum LogicKind
{
    /// <summary>x ∧ y (torch.logical_and).</summary>
    And,
    /// <summary>x ∨ y (torch.logical_or).</summary>
    Or,
}

/// <summary>
/// Kernels with Bool results (comparisons, logical ops, any/all), arithmetic on Bool operands, and clamp. Bool is
/// stored as bool[] (one byte, 0 or 1, per element).
/// </summary>
internal static class Logic
{
    /// <summary>
    /// a ∘ b for operands whose result type is Bool, as PyTorch: + is or, · is and (computed in Int64 and read back
    /// as nonzero), − is refused with PyTorch's words.
    /// </summary>
    public static NdArray BoolArithmetic(BinaryKernel op, NdArray a, NdArray b, string name) => op switch
    {
        BinaryKernel.Sub => throw new ArgumentException(
            "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead."),
        _ => Layout.Cast(Elementwise.Binary(op, Layout.Cast(a, DType.Int64), Layout.Cast(b, DType.Int64), name), DType.Bool),
    };

    /// <summary>
    /// A Bool operand of a unary kernel: refused where PyTorch refuses it (−x, |x|, relu, floor, ceil, round), sign(x)
    /// is x itself, else the operand in Int64 (1 and 0) for the kernel to compute in.
    /// </summary>
    public static NdArray BoolUnary(UnaryKernel op, NdArray x) => op switch
    {
        UnaryKernel.Sign or UnaryKernel.Signum => x,
        UnaryKernel.Relu => throw new ArgumentException("Boolean inputs not supported for relu"),
        UnaryKernel.Floor => throw new ArgumentException("\"floor_vml_cpu\" not implemented for 'Bool'"),
        UnaryKernel.Ceil => throw new ArgumentException("\"ceil_vml_cpu\" not implemented for 'Bool'"),
        UnaryKernel.Round => throw new ArgumentException("\"round_vml_cpu\" not implemented for 'Bool'"),
        UnaryKernel.Neg => throw new ArgumentException(
            "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead."),
        UnaryKernel.Abs => throw new ArgumentException("\"abs_cpu\" not implemented for 'Bool'"),
        _ => Layout.Cast(x, DType.Int64),
    };

    /// <summary>Refuses Bool operands of the matrix products, with PyTorch's words.</summary>
    public static void NotForBool(NdArray a, string kernel)
    {
        if (a.DType == DType.Bool) throw new ArgumentException($"\"{kernel}\" not implemented for 'Bool'");
    }

    /// <summary>
    /// x ∘ y elementwise with broadcasting, as Bool: both operands promoted to their result type first (so an Int64
    /// tensor against a Float32 one compares in Float32, and against an integer scalar exactly). NaN is unequal to all.
    /// </summary>
    public static NdArray Compare(CompareKind kind, NdArray a, NdArray b, string name)
    {
        var dtype = DTypes.ResultType(a, b).ToArithmetic();
        var shape = Shape.Broadcast(a.Shape, b.Shape, name);
        a = Layout.Expand(Layout.Cast(a, dtype), shape);
        b = Layout.Expand(Layout.Cast(b, dtype), shape);
        return NdArray.Own(shape, dtype switch
        {
            DType.Float32 => Compare(kind, a.Span<float>(), b.Span<float>()),
            DType.Float64 => Compare(kind, a.Span<double>(), b.Span<double>()),
            _ => Compare(kind, a.Span<long>(), b.Span<long>()),
        });
    }

    static bool[] Compare<T>(CompareKind kind, ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, INumber<T>
    {
        var r = new bool[x.Length];
        switch (kind)
        {
            case CompareKind.Eq: for (var i = 0; i < r.Length; i++) r[i] = x[i] == y[i]; break;
            case CompareKind.Ne: for (var i = 0; i < r.Length; i++) r[i] = x[i] != y[i]; break;
            case CompareKind.Lt: for (var i = 0; i < r.Length; i++) r[i] = x[i] < y[i]; break;
            case CompareKind.Le: for (var i = 0; i < r.Length; i++) r[i] = x[i] <= y[i]; break;
            case CompareKind.Gt: for (var i = 0; i < r.Length; i++) r[i] = x[i] > y[i]; break;
            default: for (var i = 0; i < r.Length; i++) r[i] = x[i] >= y[i]; break;
        }
        return r;
    }

    /// <summary>¬x elementwise, x read as Bool (nonzero is true).</summary>
    public static NdArray Not(NdArray x)
    {
        var s = Layout.Cast(x, DType.Bool).Span<bool>();
        var r = new bool[s.Length];
        for (var i = 0; i < r.Length; i++) r[i] = !s[i];
        return NdArray.Own(x.Shape, r);
    }

    /// <summary>x ∧ y or x ∨ y elementwise with broadcasting, both read as Bool (nonzero is true).</summary>
    public static NdArray Combine(LogicKind kind, NdArray a, NdArray b, string name)
    {
        var shape = Shape.Broadcast(a.Shape, b.Shape, name);
        var x = Layout.Expand(Layout.Cast(a, DType.Bool), shape).Span<bool>();
        var y = Layout.Expand(Layout.Cast(b, DType.Bool), shape).Span<bool>();
        var r = new bool[x.Length];
        if (kind == LogicKind.And) for (var i = 0; i < r.Length; i++) r[i] = x[i] & y[i];
        else for (var i = 0; i < r.Length; i++) r[i] = x[i] | y[i];
        return NdArray.Own(shape, r);
    }

    /// <summary>Whether any element (<paramref name="all"/>: every element) is nonzero, as a 0-dimensional Bool.</summary>
    public static NdArray Reduce(NdArray x, bool all)
    {
        var s = Layout.Cast(x, DType.Bool).Span<bool>();
        return NdArray.One(Shape.Scalar, all ? !s.Contains(false) : s.Contains(true));
    }

    /// <summary>The mask as a bool array broadcast to <paramref name="shape"/>; the mask must be Bool.</summary>
    public static ImmutableArray<bool> Mask(NdArray mask, Shape shape)
    {
        var m = Layout.Expand(mask, shape).Span<bool>().ToArray();
        return ImmutableCollectionsMarshal.AsImmutableArray(m);
    }

    /// <summary>
    /// min(max(x, lo), hi) elementwise (a bound left out is not applied; NaN stays NaN; lo &gt; hi gives hi, as
    /// PyTorch), in x's dtype, which the caller has chosen.
    /// </summary>
    public static NdArray Clamp(NdArray x, double? lo, double? hi) => x.DType switch
    {
        DType.Float32 => NdArray.Own(x.Shape, Clamp(x.Span<float>(), lo is { } l ? (float)l : null, hi is { } h ? (float)h : null)),
        DType.Float64 => NdArray.Own(x.Shape, Clamp(x.Span<double>(), lo, hi)),
        DType.Int64 => NdArray.Own(x.Shape, Clamp(x.Span<long>(), lo is { } l ? (long)l : null, hi is { } h ? (long)h : null)),
        _ => throw new ArgumentException("clamp: a Bool tensor is not supported"),
    };

    static T[] Clamp<T>(ReadOnlySpan<T> x, T? lo, T? hi) where T : unmanaged, INumber<T>
    {
        var r = new T[x.Length];
        for (var i = 0; i < r.Length; i++)
        {
            var v = x[i];
            if (lo is { } l && v < l) v = l;
            if (hi is { } h && v > h) v = h;
            r[i] = v;
        }
        return r;
    }

    /// <summary>lo ≤ x ≤ hi elementwise (a bound left out holds): where clamp passes its gradient, boundaries included, as PyTorch.</summary>
    public static ImmutableArray<bool> Inside(NdArray x, double? lo, double? hi)
    {
        var v = x.ToDoubles();
        var m = new bool[v.Length];
        for (var i = 0; i < m.Length; i++) m[i] = (lo is not { } l || v[i] >= l) && (hi is not { } h || v[i] <= h);
        return ImmutableCollectionsMarshal.AsImmutableArray(m);
    }
}
