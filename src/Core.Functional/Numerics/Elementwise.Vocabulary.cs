using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>Two-input elementwise kernels of the vocabulary (issue 13): atan2 (floating), and the elementwise maximum and minimum.</summary>
internal enum PairKernel { Atan2, Maximum, Minimum }

/// <summary>The vocabulary's elementwise kernels (issue 13): special functions, rounding, atan2, maximum and minimum.</summary>
internal static partial class Elementwise
{
    /// <summary>True for the one-input kernels that keep an Int64 input Int64 (the rest compute in a floating dtype).</summary>
    static bool KeepsIntegers(UnaryKernel op) =>
        op is UnaryKernel.Neg or UnaryKernel.Abs or UnaryKernel.Relu or UnaryKernel.Sign or UnaryKernel.Signum
            or UnaryKernel.Floor or UnaryKernel.Ceil or UnaryKernel.Round;

    /// <summary>True for the one-input kernels costly enough per element to be worth a second core.</summary>
    static bool Transcendental(UnaryKernel op) =>
        op is UnaryKernel.Exp or UnaryKernel.Log or UnaryKernel.Tanh or UnaryKernel.Sin or UnaryKernel.Cos or UnaryKernel.Sigmoid
            or UnaryKernel.Log1p or UnaryKernel.Expm1 or UnaryKernel.Erf or UnaryKernel.Tan or UnaryKernel.Atan or UnaryKernel.Asin
            or UnaryKernel.Acos or UnaryKernel.Sinh or UnaryKernel.Cosh;

    // The vocabulary's one-input floating kernels.
    static void VocabularyUnary<T>(UnaryKernel op, ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case UnaryKernel.Log1p: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Log1p(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Expm1: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Expm1(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Erf: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Erf(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Tan: TensorPrimitives.Tan(x, r); break;
            case UnaryKernel.Atan: TensorPrimitives.Atan(x, r); break;
            case UnaryKernel.Asin: TensorPrimitives.Asin(x, r); break;
            case UnaryKernel.Acos: TensorPrimitives.Acos(x, r); break;
            case UnaryKernel.Sinh: TensorPrimitives.Sinh(x, r); break;
            case UnaryKernel.Cosh: TensorPrimitives.Cosh(x, r); break;
            case UnaryKernel.Rsqrt: TensorPrimitives.ReciprocalSqrt(x, r); break;
            case UnaryKernel.Floor: TensorPrimitives.Floor(x, r); break;
            case UnaryKernel.Ceil: TensorPrimitives.Ceiling(x, r); break;
            // Halves to even, as PyTorch's nearbyint: round(2.5) = 2, round(−0.5) = −0.
            case UnaryKernel.Round: TensorPrimitives.Round(x, r); break;
            case UnaryKernel.Signum: Signum(x, r); break;
            default: throw new NotSupportedException(op.ToString());
        }
    }

    // sign(x) as PyTorch's (0 < x) − (x < 0): NaN gives 0 and −0 gives +0 (pytorch#41245, unchanged through 2.x).
    static void Signum<T>(ReadOnlySpan<T> x, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (one, zero) = (Vector<T>.One, Vector<T>.Zero);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(x[i..]);
                (Vector.ConditionalSelect(Vector.GreaterThan(v, zero), one, zero)
                 - Vector.ConditionalSelect(Vector.LessThan(v, zero), one, zero)).CopyTo(r[i..]);
            }
        }
        for (; i < x.Length; i++) r[i] = x[i] > T.Zero ? T.One : x[i] < T.Zero ? -T.One : T.Zero;
    }

    /// <summary>
    /// ln(1 + x), accurate for small x (Goldberg, What every computer scientist should know about floating-point
    /// arithmetic, theorem 4): with u = 1 ⊕ x, ln(u)·x/(u − 1) cancels the rounding of u. Within 2 ulp of the exact
    /// value in Float64 (measured against 200-bit arithmetic); Float32 rounds the Float64 result.
    /// </summary>
    internal static double Log1p(double x)
    {
        var u = 1 + x;
        if (u == 1) return x;                      // |x| below half an ulp of 1, and x = ±0 keeping its sign
        if (double.IsPositiveInfinity(u)) return u;
        return Math.Log(u) * (x / (u - 1));        // x/(u − 1) first: near 1, and never overflowing
    }

    /// <summary>
    /// eˣ − 1, accurate for small x (Kahan's companion of <see cref="Log1p"/>): with u = e^x rounded,
    /// (u − 1)·x/ln u. Within 2 ulp in Float64 (measured against 200-bit arithmetic); Float32 rounds the Float64 result.
    /// </summary>
    internal static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;                      // |x| below half an ulp of 1, and x = ±0 keeping its sign
        var um1 = u - 1;
        if (um1 == -1) return -1;                  // x ≤ −38: eˣ − 1 rounds to −1 (and x = −∞)
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * (x / Math.Log(u));
    }

    const double TwoOverSqrtPi = 1.1283791670955126;   // 2/√π
    const double OneOverSqrtPi = 0.5641895835477563;   // 1/√π

    /// <summary>
    /// The error function, erf x = (2/√π) ∫₀ˣ e^(−t²) dt, within 5 ulp of the exact value in Float64 (a sweep of
    /// [0, 6.5] and random points, against 200-bit arithmetic; PyTorch's SLEEF kernel is within 1); Float32 rounds the
    /// Float64 result. For |x| &lt; 1.5 the series of positive terms (Abramowitz and Stegun 7.1.6)
    /// erf x = (2/√π)·x·e^(−x²)·Σₙ (2x²)ⁿ / (1·3·…·(2n+1)), nested from the smallest term; for 1.5 ≤ |x| &lt; 6 one minus
    /// Laplace's continued fraction erfc x = (e^(−x²)/√π) / (x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the
    /// tail; erf x rounds to ±1 beyond. e^(−x²) is e^(−h)·(1 − l) for x² = h + l split exactly, so x² does not round.
    /// </summary>
    internal static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        var a = Math.Abs(x);
        if (a >= 6) return Math.CopySign(1, x);
        var hi = a * a;
        var lo = Math.FusedMultiplyAdd(a, a, -hi);
        var e = Math.Exp(-hi) * (1 - lo);
        if (a < 1.5)
        {
            // (2x²)ⁿ/(2n+1)!! ≤ 4.5³⁰/61!! < 1e-20 at n = 30.
            var twoX2 = 2 * hi;
            var s = 1.0;
            for (var n = 30; n > 0; n--) s = 1 + s * (twoX2 / (2 * n + 1));
            return Math.CopySign(TwoOverSqrtPi * a * (e * s), x);
        }
        // 80 levels reach 1 ulp at 1.5, 40 at 2.5 (where erfc is below 4e-4, so its error hardly reaches erf).
        var f = a;
        for (var k = a < 2.5 ? 80 : 40; k > 0; k--) f = a + k / 2.0 / f;
        return Math.CopySign(1 - e * OneOverSqrtPi / f, x);
    }

    /// <summary>
    /// a ∘ b with broadcasting and dtype promotion: atan2(a, b) in a floating dtype (the angle of the point (b, a),
    /// quadrants and signed zeros as C's atan2); the elementwise maximum or minimum keeping Int64 Int64, NaN
    /// propagating, and a tie returning a (so maximum(0, −0) is 0 and maximum(−0, 0) is −0, as PyTorch's).
    /// </summary>
    public static NdArray Pairwise(PairKernel op, NdArray a, NdArray b, string name)
    {
        var dtype = DTypes.ResultType(a, b);
        if (op is PairKernel.Atan2) dtype = dtype.ToFloating();
        var shape = Shape.Broadcast(a.Shape, b.Shape, name);
        a = Layout.Expand(Layout.Cast(a, dtype), shape);
        b = Layout.Expand(Layout.Cast(b, dtype), shape);
        return dtype switch
        {
            DType.Float32 => NdArray.Own(shape, Pairwise<float>(op, a.Span<float>(), b.Span<float>())),
            DType.Float64 => NdArray.Own(shape, Pairwise<double>(op, a.Span<double>(), b.Span<double>())),
            _ => NdArray.Own(shape, Extremum<long>(op == PairKernel.Maximum, a.Span<long>(), b.Span<long>())),
        };
    }

    static T[] Pairwise<T>(PairKernel op, ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (op != PairKernel.Atan2) return Extremum(op == PairKernel.Maximum, a, b);
        var r = Buffers.Uninitialized<T>(a.Length);
        TensorPrimitives.Atan2(a, b, r);
        return r;
    }

    // max: a < b ? b : a; min: b < a ? b : a; then NaN in b passes through (a NaN in a already does).
    static T[] Extremum<T>(bool max, ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, INumber<T>
    {
        var r = Buffers.Uninitialized<T>(a.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            for (; i <= r.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var (va, vb) = (new Vector<T>(a[i..]), new Vector<T>(b[i..]));
                var takeB = max ? Vector.LessThan(va, vb) : Vector.LessThan(vb, va);
                var m = Vector.ConditionalSelect(takeB, vb, va);
                Vector.ConditionalSelect(Vector.Equals(vb, vb), m, vb).CopyTo(r.AsSpan(i));
            }
        for (; i < r.Length; i++)
        {
            var takeB = max ? a[i] < b[i] : b[i] < a[i];
            r[i] = takeB || b[i] != b[i] ? b[i] : a[i];
        }
        return r;
    }

    /// <summary>
    /// The share of maximum's (or minimum's) gradient that goes to input <paramref name="input"/> (0: a, 1: b), in
    /// <paramref name="dtype"/> and the broadcast shape: 1 where that input is the result, 0 where the other is, ½ at a
    /// tie, as PyTorch 1.13's rule (grad/2 where a = b, masked to 0 where the input loses; a NaN masks neither).
    /// Computed once per backward step, off the forward path.
    /// </summary>
    public static NdArray ExtremumShare(bool max, int input, NdArray a, NdArray b, DType dtype)
    {
        var shape = Shape.Broadcast(a.Shape, b.Shape, max ? "maximum" : "minimum");
        var xs = Layout.Expand(a, shape).ToDoubles();
        var ys = Layout.Expand(b, shape).ToDoubles();
        var w = new double[xs.Length];
        for (var i = 0; i < w.Length; i++)
        {
            var (mine, other) = input == 0 ? (xs[i], ys[i]) : (ys[i], xs[i]);
            w[i] = mine == other ? 0.5 : (max ? mine < other : mine > other) ? 0 : 1;
        }
        return NdArray.From(w, shape, dtype);
    }
}
