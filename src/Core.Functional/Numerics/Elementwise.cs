using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics;

/// <summary>Binary elementwise kernels.</summary>
internal enum BinaryKernel { Add, Sub, Mul, Div, Pow }

/// <summary>Conditions for <see cref="Elementwise.Mask"/>: x = y (NaN equal to NaN), y = 0, and x = 0 with y ≥ 0.</summary>
internal enum MaskKind { Equal, RightZero, LeftZeroRightNonNegative }

/// <summary>Unary elementwise kernels.</summary>
internal enum UnaryKernel
{
    Neg, Exp, Log, Tanh, Sqrt, Abs, Sin, Cos, Sigmoid, Relu, Sign,
    // The vocabulary's (issue 13, Elementwise.Vocabulary.cs). Signum is PyTorch's sign (NaN gives 0); Sign keeps NaN.
    Log1p, Expm1, Erf, Tan, Atan, Asin, Acos, Sinh, Cosh, Rsqrt, Floor, Ceil, Round, Signum,
}

/// <summary>
/// Elementwise kernels over whole buffers: one dtype switch per call, then SIMD loops from
/// <see cref="TensorPrimitives"/>; no per-element delegate or virtual call.
/// </summary>
internal static partial class Elementwise
{
    /// <summary>
    /// a ∘ b with broadcasting and dtype promotion (Div computes in a floating dtype); Int64 arithmetic wraps on
    /// overflow, as PyTorch's does.
    /// </summary>
    public static NdArray Binary(BinaryKernel op, NdArray a, NdArray b, string name)
    {
        var dtype = DTypes.ResultType(a, b);
        if (op is BinaryKernel.Div) dtype = dtype.ToFloating();
        if (dtype == DType.Bool) return Logic.BoolArithmetic(op, a, b, name);
        a = Layout.Cast(a, dtype);
        b = Layout.Cast(b, dtype);
        var shape = Shape.Broadcast(a.Shape, b.Shape, name);
        if (shape.Numel == 1 && op != BinaryKernel.Pow)
            return dtype switch
            {
                DType.Float32 => NdArray.One(shape, Scalar(op, a.Single<float>(), b.Single<float>())),
                DType.Float64 => NdArray.One(shape, Scalar(op, a.Single<double>(), b.Single<double>())),
                _ => NdArray.One(shape, Scalar(op, a.Single<long>(), b.Single<long>())),
            };
        return dtype switch
        {
            DType.Float32 => NdArray.Own(shape, Floating<float>(op, a, b, shape)),
            DType.Float64 => NdArray.Own(shape, Floating<double>(op, a, b, shape)),
            _ => NdArray.Own(shape, op == BinaryKernel.Pow ? IntegerPow(a, b, shape) : Arithmetic<long>(op, a, b, shape)),
        };
    }

    /// <summary>x^p for Int64 x and an integer p, exact modulo 2⁶⁴ (see <see cref="Powi"/>).</summary>
    public static NdArray PowInteger(NdArray x, long p)
    {
        if (x.Numel == 1) return NdArray.One(x.Shape, Powi(x.Single<long>(), p));
        var s = x.Span<long>();
        var r = Buffers.Uninitialized<long>(s.Length);
        for (var i = 0; i < r.Length; i++) r[i] = Powi(s[i], p);
        return NdArray.Own(x.Shape, r);
    }

    static long[] IntegerPow(NdArray a, NdArray b, Shape shape)
    {
        var x = Layout.Expand(a, shape).Span<long>();
        var e = Layout.Expand(b, shape).Span<long>();
        var r = Buffers.Uninitialized<long>(shape.Numel);
        for (var i = 0; i < r.Length; i++) r[i] = Powi(x[i], e[i]);
        return r;
    }

    // PyTorch's powi: aᵇ by squaring, wrapping on overflow; for b < 0, 1 gives 1, −1 gives ±1 by b's parity, and any
    // other base 0 (the integer part of 1/aᵇ).
    static long Powi(long a, long b)
    {
        if (b < 0) return a == 1 ? 1 : a == -1 ? (b % 2 == 0 ? 1 : -1) : 0;
        var result = 1L;
        for (; b != 0; b >>= 1, a *= a)
            if ((b & 1) != 0) result *= a;
        return result;
    }

    /// <summary>f(x) elementwise; an Int64 x computes in a floating dtype except where f keeps integers (<see cref="KeepsIntegers"/>).</summary>
    public static NdArray Unary(UnaryKernel op, NdArray x)
    {
        if (x.DType == DType.Bool && (x = Logic.BoolUnary(op, x)).DType == DType.Bool) return x;   // refused, sign, or as Int64
        if (!KeepsIntegers(op))
            x = Layout.Cast(x, x.DType.ToFloating());
        if (x.Numel == 1)
            return x.DType switch
            {
                DType.Float32 => NdArray.One(x.Shape, Unary(op, x.Single<float>())),
                DType.Float64 => NdArray.One(x.Shape, Unary(op, x.Single<double>())),
                _ => NdArray.One(x.Shape, UnaryArithmetic(op, x.Single<long>())),
            };
        return x.DType switch
        {
            DType.Float32 => NdArray.Own(x.Shape, Unary(op, x.Buffer<float>(), Buffers.Uninitialized<float>(x.Numel))),
            DType.Float64 => NdArray.Own(x.Shape, Unary(op, x.Buffer<double>(), Buffers.Uninitialized<double>(x.Numel))),
            _ => NdArray.Own(x.Shape, UnaryArithmetic(op, x.Span<long>(), Buffers.Uninitialized<long>(x.Numel))),
        };
    }

    // A one-element result (the scalar chains of small models) is computed into a local and held inline, without
    // a buffer; the same kernel runs on it as on a one-element buffer, so the value is unchanged.
    static T Unary<T>(UnaryKernel op, T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = x;
        Unary(op, new ReadOnlySpan<T>(in x), new Span<T>(ref r));
        return r;
    }

    static T UnaryArithmetic<T>(UnaryKernel op, T x) where T : unmanaged, INumber<T>
    {
        var r = x;
        UnaryArithmetic(op, new ReadOnlySpan<T>(in x), new Span<T>(ref r));
        return r;
    }

    // Elementwise arithmetic on one element: the same IEEE operation the vector kernels apply to each element.
    static T Scalar<T>(BinaryKernel op, T x, T y) where T : INumber<T> => op switch
    {
        BinaryKernel.Add => x + y,
        BinaryKernel.Sub => x - y,
        BinaryKernel.Mul => x * y,
        BinaryKernel.Div => x / y,
        _ => throw new NotSupportedException(op.ToString()),
    };

    /// <summary>
    /// Fused backward kernels, y the op's output: ȳ ⊙ (1 − y²) for tanh, ȳ ⊙ y ⊙ (1 − y) for the sigmoid, and ȳ where y > 0
    /// (else 0) for relu.
    /// </summary>
    public static NdArray ActivationGrad(UnaryKernel op, NdArray yBar, NdArray y)
    {
        var dtype = DTypes.Promote(yBar.DType, y.DType);
        var shape = Shape.Broadcast(yBar.Shape, y.Shape, op switch
        {
            UnaryKernel.Tanh => "tanh_backward", UnaryKernel.Relu => "threshold_backward", _ => "sigmoid_backward",
        });
        yBar = Layout.Expand(Layout.Cast(yBar, dtype), shape);
        y = Layout.Expand(Layout.Cast(y, dtype), shape);
        if (shape.Numel == 1)
            return dtype == DType.Float32
                ? NdArray.One(shape, ActivationGrad(op, yBar.Single<float>(), y.Single<float>()))
                : NdArray.One(shape, ActivationGrad(op, yBar.Single<double>(), y.Single<double>()));
        return dtype == DType.Float32
            ? NdArray.Own(shape, ActivationGrad(op, yBar.Span<float>(), y.Span<float>()))
            : NdArray.Own(shape, ActivationGrad(op, yBar.Span<double>(), y.Span<double>()));
    }

    // The same three roundings as the vector kernel below, on one element.
    static T ActivationGrad<T>(UnaryKernel op, T yBar, T y) where T : unmanaged, IFloatingPointIeee754<T> => op switch
    {
        UnaryKernel.Tanh => (T.One - y * y) * yBar,
        UnaryKernel.Relu => y <= T.Zero ? T.Zero : yBar,
        _ => (T.One - y) * y * yBar,
    };

    static T[] ActivationGrad<T>(UnaryKernel op, ReadOnlySpan<T> yBar, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(y.Length);
        if (op == UnaryKernel.Relu)
        {
            ThresholdBackward(yBar, y, r);
            return r;
        }
        if (op == UnaryKernel.Tanh)
        {
            TensorPrimitives.Multiply(y, y, r);
            TensorPrimitives.Subtract(T.One, r, r);
        }
        else
        {
            TensorPrimitives.Subtract(T.One, y, r);
            TensorPrimitives.Multiply(r, y, r);
        }
        TensorPrimitives.Multiply(r, yBar, r);
        return r;
    }

    // r = y ≤ 0 ? 0 : ȳ, as PyTorch's threshold_backward (a NaN in y passes ȳ through).
    static void ThresholdBackward<T>(ReadOnlySpan<T> yBar, ReadOnlySpan<T> y, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var yBars = MemoryMarshal.Cast<T, Vector<T>>(yBar);
            var ys = MemoryMarshal.Cast<T, Vector<T>>(y);
            var rs = MemoryMarshal.Cast<T, Vector<T>>(r);
            for (var v = 0; v < rs.Length; v++)
                rs[v] = Vector.ConditionalSelect(Vector.LessThanOrEqual(ys[v], Vector<T>.Zero), Vector<T>.Zero, yBars[v]);
            i = rs.Length * Vector<T>.Count;
        }
        for (; i < r.Length; i++) r[i] = y[i] <= T.Zero ? T.Zero : yBar[i];
    }

    /// <summary>
    /// x^p elementwise for a scalar exponent, in a floating dtype, with PyTorch's kernels for the common exponents
    /// (pow_tensor_scalar_kernel): √x for p = 0.5, 1/√x for −0.5, 1/x for −1, x·x for 2, x·x·x for 3, 1/(x·x) for −2, and
    /// IEEE pow otherwise. So pow(−∞, 0.5) is NaN and pow(−0, 0.5) is −0, as in PyTorch, where IEEE pow gives +∞ and +0.
    /// </summary>
    public static NdArray PowScalar(NdArray x, double p)
    {
        x = Layout.Cast(x, x.DType.ToFloating());
        return x.DType == DType.Float32
            ? NdArray.Own(x.Shape, PowScalar(x.Span<float>(), p))
            : NdArray.Own(x.Shape, PowScalar(x.Span<double>(), p));
    }

    /// <summary>mask ? a : b elementwise; all three have the result's shape.</summary>
    public static NdArray Where(ReadOnlySpan<bool> mask, NdArray a, NdArray b)
    {
        var dtype = DTypes.ResultType(a, b);
        a = Layout.Cast(a, dtype);
        b = Layout.Cast(b, dtype);
        return dtype switch
        {
            DType.Float32 => NdArray.Own(a.Shape, Where(mask, a.Span<float>(), b.Span<float>())),
            DType.Float64 => NdArray.Own(a.Shape, Where(mask, a.Span<double>(), b.Span<double>())),
            DType.Int64 => NdArray.Own(a.Shape, Where(mask, a.Span<long>(), b.Span<long>())),
            _ => NdArray.Own(a.Shape, Where(mask, a.Span<bool>(), b.Span<bool>())),
        };
    }

    /// <summary>
    /// An elementwise condition on x and y (broadcast together), for the masks derivative rules need: computed
    /// once per backward step, off the forward path.
    /// </summary>
    public static ImmutableArray<bool> Mask(MaskKind kind, NdArray x, NdArray y)
    {
        var shape = Shape.Broadcast(x.Shape, y.Shape, "mask");
        var xs = Layout.Expand(x, shape).ToDoubles();
        var ys = Layout.Expand(y, shape).ToDoubles();
        var m = new bool[xs.Length];
        switch (kind)
        {
            case MaskKind.Equal:
                for (var i = 0; i < m.Length; i++) m[i] = xs[i] == ys[i] || (double.IsNaN(xs[i]) && double.IsNaN(ys[i]));
                break;
            case MaskKind.RightZero:
                for (var i = 0; i < m.Length; i++) m[i] = ys[i] == 0;
                break;
            case MaskKind.LeftZeroRightNonNegative:
                for (var i = 0; i < m.Length; i++) m[i] = xs[i] == 0 && ys[i] >= 0;
                break;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(m);
    }

    static T[] Floating<T>(BinaryKernel op, NdArray a, NdArray b, Shape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (op != BinaryKernel.Pow) return Arithmetic<T>(op, a, b, shape);
        var x = Layout.Expand(a, shape).Span<T>();
        var y = Layout.Expand(b, shape).Span<T>();
        var r = Buffers.Uninitialized<T>(shape.Numel);
        TensorPrimitives.Pow(x, y, r);
        return r;
    }

    static T[] Arithmetic<T>(BinaryKernel op, NdArray a, NdArray b, Shape shape)
        where T : unmanaged, INumber<T>
    {
        var r = Buffers.Uninitialized<T>(shape.Numel);
        // A one-element operand is read as a scalar; the other is broadcast to the result's shape.
        var (x, s, y, scalarLeft) = a.Numel == 1 && b.Numel != 1
            ? (Layout.Expand(b, shape).Buffer<T>(), a.Single<T>(), null, true)
            : b.Numel == 1
                ? (Layout.Expand(a, shape).Buffer<T>(), b.Single<T>(), null, false)
                : (Layout.Expand(a, shape).Buffer<T>(), default(T), Layout.Expand(b, shape).Buffer<T>(), false);
        Arithmetic(op, x, s, y, y is null, scalarLeft, r);
        return r;
    }

    // r = x ∘ y, or x ∘ s (s ∘ x when the scalar is the left operand).
    static void Arithmetic<T>(BinaryKernel op, ReadOnlySpan<T> x, T s, ReadOnlySpan<T> y, bool scalar, bool scalarLeft, Span<T> r)
        where T : unmanaged, INumber<T>
    {
        switch (op, scalar, scalarLeft)
        {
            case (BinaryKernel.Add, true, _): TensorPrimitives.Add(x, s, r); break;
            case (BinaryKernel.Sub, true, true): TensorPrimitives.Subtract(s, x, r); break;
            case (BinaryKernel.Sub, true, false): TensorPrimitives.Subtract(x, s, r); break;
            case (BinaryKernel.Mul, true, _): TensorPrimitives.Multiply(x, s, r); break;
            case (BinaryKernel.Div, true, true): TensorPrimitives.Divide(s, x, r); break;
            case (BinaryKernel.Div, true, false): TensorPrimitives.Divide(x, s, r); break;
            case (BinaryKernel.Add, false, _): TensorPrimitives.Add(x, y, r); break;
            case (BinaryKernel.Sub, false, _): TensorPrimitives.Subtract(x, y, r); break;
            case (BinaryKernel.Mul, false, _): TensorPrimitives.Multiply(x, y, r); break;
            case (BinaryKernel.Div, false, _): TensorPrimitives.Divide(x, y, r); break;
            default: throw new NotSupportedException(op.ToString());
        }
    }

    static T[] Unary<T>(UnaryKernel op, T[] x, T[] r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Only the transcendental kernels are worth a second core: the others are bound by memory, and handing work to
        // the thread pool between matrix products cost a training step 20 % (docs/BENCHMARKS.md).
        if (Transcendental(op) && Chunks.Worth(r.Length))
            UnarySplit(op, x, r);
        else Unary(op, x, r.AsSpan());
        return r;
    }

    // Apart, so only a split call allocates the closure.
    static void UnarySplit<T>(UnaryKernel op, T[] x, T[] r) where T : unmanaged, IFloatingPointIeee754<T> =>
        Chunks.For(r.Length, (start, count) => Unary(op, x.AsSpan(start, count), r.AsSpan(start, count)));

    static void Unary<T>(UnaryKernel op, ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case UnaryKernel.Neg: TensorPrimitives.Negate(x, r); break;
            case UnaryKernel.Exp: TensorPrimitives.Exp(x, r); break;
            case UnaryKernel.Log: TensorPrimitives.Log(x, r); break;
            case UnaryKernel.Tanh: Tanh(x, r); break;
            case UnaryKernel.Sqrt: TensorPrimitives.Sqrt(x, r); break;
            case UnaryKernel.Abs: TensorPrimitives.Abs(x, r); break;
            case UnaryKernel.Sin: TensorPrimitives.Sin(x, r); break;
            case UnaryKernel.Cos: TensorPrimitives.Cos(x, r); break;
            case UnaryKernel.Sigmoid: TensorPrimitives.Sigmoid(x, r); break;
            case UnaryKernel.Relu: TensorPrimitives.Max(x, T.Zero, r); break;
            case UnaryKernel.Sign: Sign(x, r); break;
            default: VocabularyUnary(op, x, r); break;
        }
    }

    // tanh x. TensorPrimitives.Tanh loses the digits of small |x| (its tanh(1e-9) in Float32 is −5.96e-8, and Float64
    // drifts by 3e-8 relative there), as (e²ˣ − 1)/(e²ˣ + 1) does; below |x| = 0.5 the C library's tanh, in Float64,
    // gives those elements instead (within an ulp, as PyTorch's).
    static void Tanh<T>(ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // One element (the scalar chains of small models): the C library's alone, not both.
        if (x.Length == 1) { r[0] = T.CreateTruncating(Math.Tanh(double.CreateTruncating(x[0]))); return; }
        TensorPrimitives.Tanh(x, r);
        var half = T.CreateTruncating(0.5);
        for (var i = 0; i < x.Length; i++)
            if (T.Abs(x[i]) < half) r[i] = T.CreateTruncating(Math.Tanh(double.CreateTruncating(x[i])));
    }

    // sign(x) with NaN kept, a vector at a time (ReLU's VJP calls it on every activation).
    static void Sign<T>(ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (one, zero) = (Vector<T>.One, Vector<T>.Zero);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(x[i..]);
                var s = Vector.ConditionalSelect(Vector.GreaterThan(v, zero), one, zero)
                        - Vector.ConditionalSelect(Vector.LessThan(v, zero), one, zero);
                Vector.ConditionalSelect(Vector.Equals(v, v), s, v).CopyTo(r[i..]);
            }
        }
        for (; i < x.Length; i++) r[i] = T.IsNaN(x[i]) ? x[i] : T.CreateTruncating(T.Sign(x[i]));
    }

    static T[] UnaryArithmetic<T>(UnaryKernel op, ReadOnlySpan<T> x, T[] r) where T : unmanaged, INumber<T>
    {
        UnaryArithmetic(op, x, r.AsSpan());
        return r;
    }

    static void UnaryArithmetic<T>(UnaryKernel op, ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case UnaryKernel.Neg: TensorPrimitives.Negate(x, r); break;
            // |x| wrapping as PyTorch's: |Int64.MinValue| is Int64.MinValue (TensorPrimitives.Abs throws there).
            case UnaryKernel.Abs: for (var i = 0; i < r.Length; i++) r[i] = T.IsNegative(x[i]) ? -x[i] : x[i]; break;
            case UnaryKernel.Relu: TensorPrimitives.Max(x, T.Zero, r); break;
            case UnaryKernel.Sign or UnaryKernel.Signum: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(T.Sign(x[i])); break;
            case UnaryKernel.Floor or UnaryKernel.Ceil or UnaryKernel.Round: x.CopyTo(r); break;
            default: throw new NotSupportedException(op.ToString());
        }
    }

    // The exponent is compared as the double it was given, as PyTorch compares its Scalar.
    static T[] PowScalar<T>(ReadOnlySpan<T> x, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(x.Length);
        switch (p)
        {
            case 1: x.CopyTo(r); break;
            case 2: TensorPrimitives.Multiply(x, x, r); break;
            case 3: TensorPrimitives.Multiply(x, x, r); TensorPrimitives.Multiply(r, x, r); break;
            case 0.5: TensorPrimitives.Sqrt(x, r); break;
            case -0.5: TensorPrimitives.Sqrt(x, r); TensorPrimitives.Divide(T.One, r, r); break;
            case -1: TensorPrimitives.Divide(T.One, x, r); break;
            case -2: TensorPrimitives.Multiply(x, x, r); TensorPrimitives.Divide(T.One, r, r); break;
            default: TensorPrimitives.Pow(x, T.CreateTruncating(p), r); break;
        }
        return r;
    }

    static T[] Where<T>(ReadOnlySpan<bool> mask, ReadOnlySpan<T> a, ReadOnlySpan<T> b)
    {
        var r = Buffers.Uninitialized<T>(mask.Length);
        for (var i = 0; i < r.Length; i++) r[i] = mask[i] ? a[i] : b[i];
        return r;
    }
}
