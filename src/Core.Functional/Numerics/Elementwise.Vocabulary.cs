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
            // Math's (the C library's, within an ulp, the same on every vector width): System.Numerics.Tensors' tan on
            // 128-bit vectors (DOTNET_EnableAVX2=0) was 210,701 ulp off at x = 1e5, its sinh loses all digits below
            // |x| ≈ 1e-8 (e^x − e^−x cancels) and its cosh is 18 ulp off near |x| = 100.
            case UnaryKernel.Tan: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Math.Tan(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Atan: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Math.Atan(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Asin: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Math.Asin(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Acos: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Math.Acos(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Sinh: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Math.Sinh(double.CreateTruncating(x[i]))); break;
            case UnaryKernel.Cosh: for (var i = 0; i < r.Length; i++) r[i] = T.CreateTruncating(Math.Cosh(double.CreateTruncating(x[i]))); break;
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
        if (um1 == -1) return -1;                  // eˣ below 2⁻⁵⁴ (x below about −37.4, and −∞): eˣ − 1 rounds to −1
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * (x / Math.Log(u));
    }

    /// <summary>
    /// The error function, erf x = (2/√π) ∫₀ˣ e^(−t²) dt, within 1 ulp of the exact value in Float64 (a sweep of
    /// [0, 6.5] in steps of 1/4000, and random points down to 1e-300, against 300-bit arithmetic; PyTorch's SLEEF kernel
    /// is within 1 too); Float32 rounds the Float64 result. Polynomials, no iteration: for |x| &lt; 0.5 the Maclaurin
    /// series x·Σₙ (2/√π)(−1)ⁿ x²ⁿ/(n!(2n+1)) to n = 12 (the next term is below 1e-17 of the sum); for 0.5 ≤ |x| &lt; 6
    /// the degree-20 Taylor polynomial of erf about the centre c of the half-unit interval holding |x| (|x − c| ≤ ¼, the
    /// omitted terms below 1e-19); beyond, ±1 (erfc 6 ≈ 2e-17 is below half an ulp of 1). The coefficients are
    /// erf⁽ᵏ⁾(c)/k! rounded to the nearest double, computed in 300-bit arithmetic (mpmath.taylor).
    /// </summary>
    internal static double Erf(double x)
    {
        var a = Math.Abs(x);
        if (!(a < 6)) return double.IsNaN(x) ? x : Math.CopySign(1, x);
        double s;
        if (a < 0.5)
        {
            var z = a * a;
            s = ErfNearZero[^1];
            for (var n = ErfNearZero.Length - 2; n >= 0; n--) s = Math.FusedMultiplyAdd(s, z, ErfNearZero[n]);
            return Math.CopySign(a * s, x);
        }
        var i = (int)((a - 0.5) * 2);
        var h = a - (0.75 + 0.5 * i);
        var c = ErfTaylor.AsSpan(i * (ErfDegree + 1), ErfDegree + 1);
        s = c[ErfDegree];
        for (var k = ErfDegree - 1; k >= 0; k--) s = Math.FusedMultiplyAdd(s, h, c[k]);
        return Math.CopySign(s, x);
    }

    /// <summary>(2/√π)(−1)ⁿ/(n!(2n+1)), n = 0..12: erf x = x·Σₙ cₙ x²ⁿ.</summary>
    static readonly double[] ErfNearZero =
    [
        1.1283791670955126, -0.37612638903183754, 0.11283791670955126, -0.026866170645131252,
        0.005223977625442188, -0.0008548327023450853, 0.00012055332981789664, -1.492565035840625e-05,
        1.6462114365889248e-06, -1.6365844691234924e-07, 1.4807192815879218e-08, -1.2290555301717928e-09,
        9.422759064650411e-11
    ];

    const int ErfDegree = 20;

    /// <summary>erf⁽ᵏ⁾(c)/k!, k = 0..20, for the centres c = 0.75, 1.25, …, 5.75 of [0.5, 1), [1, 1.5), …, [5.5, 6).</summary>
    static readonly double[] ErfTaylor =
    [
        // c = 0.75
        0.7111556336535151, 0.6429310691952074, -0.4821983018964055, 0.026788794549800304, 0.1506869693426267,
        -0.053242729167728105, -0.026872509532768433, 0.018435235177909452, 0.0023017883040209273,
        -0.00396826044637477, 0.00018603225735249506, 0.0006239836743132585, -0.00010618466494862627,
        -7.57456209347206e-05, 2.2117975642824626e-05, 7.166231694301993e-06, -3.252264713003685e-06,
        -5.034286680771006e-07, 3.820585027845882e-07, 1.988595070010976e-08, -3.7686462355785005e-08,
        // c = 1.25
        0.9229001282564583, 0.2365211224472908, -0.29565140305911347, 0.16753579506683097,
        -0.006159404230398197, -0.04718103640485019, 0.021301272963460433, 0.0036259826094427483,
        -0.005697678057620952, 0.0008776361752808411, 0.0007935114997568478, -0.00032395671499069396,
        -5.2738032824946004e-05, 5.5828132785536196e-05, -3.0148435589627603e-06, -6.409580608858307e-06,
        1.353228718679766e-06, 5.079348144064654e-07, -2.120606163726382e-07, -2.2593730856874577e-08,
        2.291416948714873e-08,
        // c = 1.75
        0.9866716712191824, 0.05277499593015037, -0.09235624287776316, 0.09015728471400689,
        -0.04810220983216831, 0.00662436146831575, 0.008963045098727362, -0.00605875147039124,
        0.0007300512471403044, 0.000894181745354845, -0.00044275049925469434, -5.445490386117354e-06,
        6.867167700726822e-05, -1.7720574652632584e-05, -4.625462096042058e-06, 3.2732503984500383e-06,
        -1.7638628012270578e-07, -3.247054421567266e-07, 8.158279337337195e-08, 1.7252248686568042e-08,
        -1.0748039734468855e-08,
        // c = 2.25
        0.9985372834133188, 0.007142319022017983, -0.016070217799540463, 0.021724553691971366,
        -0.019083383636954297, 0.010657679165667459, -0.0029043570710627813, -0.0006704559699518927,
        0.0009994937126113928, -0.00036938041770393946, -1.1466583164141507e-05, 6.51349432823389e-05,
        -2.26882426454011e-05, -1.3320746753833096e-06, 3.4200230329645604e-06, -8.610833786514346e-07,
        -1.5682298693348275e-07, 1.3648439859835954e-07, -1.772131016634986e-08, -9.371472014239433e-09,
        3.787442166331754e-09,
        // c = 2.75
        0.9998993780778803, 0.0005862772470937923, -0.001612262429507929, 0.0027603887050666057,
        -0.003258113659630606, 0.0027558084140736853, -0.00165732740366605, 0.0006460409566724474,
        -8.901157121243978e-05, -7.122311472315157e-05, 5.499699242438933e-05, -1.5843804712042587e-05,
        -1.0711338137061364e-06, 2.68755471390732e-06, -9.145766511836599e-07, 2.599902759769022e-09,
        1.0580689273108972e-07, -3.451839574679767e-08, -5.174855067623823e-10, 3.5814518145046687e-09,
        -9.35874306242874e-10,
        // c = 3.25
        0.9999956972205363, 2.9189025383581702e-05, -9.486433249664052e-05, 0.00019580971194819392,
        -0.00028656933775026826, 0.00031379722549089054, -0.0002635285042150599, 0.0001699914145113912,
        -8.164763053013537e-05, 2.5913847005660593e-05, -2.328866237210874e-06, -2.864299460756217e-06,
        1.9043540620324773e-06, -5.482373634736951e-07, 3.415163322790054e-09, 6.639710279972467e-08,
        -2.7372258733380318e-08, 3.1426537657346073e-09, 1.7276112364526015e-09, -9.03452464034886e-10,
        1.299536178842494e-10,
        // c = 3.75
        0.9999998862727434, 8.814321912318039e-07, -3.305370717119265e-06, 7.96961606238756e-06,
        -1.3841239877936921e-05, 1.8370974998189114e-05, -1.9272721446953215e-05, 1.627530274121437e-05,
        -1.1128227438398495e-05, 6.108880665651509e-06, -2.603308954634454e-06, 7.753483601441538e-07,
        -9.015197438790608e-08, -5.733324505294767e-08, 4.260241086797881e-08, -1.4202803665529217e-08,
        1.6872829502859595e-09, 8.220961615130933e-10, -5.189879575231049e-10, 1.231348092812105e-10,
        2.9917267059454753e-12,
        // c = 4.25
        0.9999999981494259, 1.6143993719507412e-08, -6.86119733079065e-08, 1.8901925979923262e-07,
        -3.787952693040671e-07, 5.872461798771443e-07, -7.309200163448699e-07, 7.477252151146886e-07,
        -6.378323232711703e-07, 4.5700618015047133e-07, -2.750628401019148e-07, 1.377657287814025e-07,
        -5.5907869992597255e-08, 1.712664555162862e-08, -3.0258541408386185e-09, -4.057911503930884e-10,
        5.685928650775004e-10, -2.3954005565715955e-10, 5.365544562084818e-11, -1.8982832645130681e-13,
        -5.002470441128022e-12,
        // c = 4.75
        0.9999999999815149, 1.7934357034341337e-10, -8.518819591312136e-10, 2.6378450138010383e-09,
        -5.9809212547337285e-09, 1.0572396879853772e-08, -1.5144716058506144e-08, 1.8036305869912202e-08,
        -1.8172816922269425e-08, 1.5675358387690353e-08, -1.1660867459902382e-08, 7.505690524657273e-09,
        -4.175206898701798e-09, 1.992617916086827e-09, -8.015568520213184e-10, 2.609475976217993e-10,
        -6.142267001878952e-11, 5.543448213978045e-12, 3.4975769739993805e-12, -2.299891525816221e-12,
        7.610990772259216e-13,
        // c = 5.25
        0.9999999999998869, 1.2084074716006755e-12, -6.344139225903546e-12, 2.1801684800128854e-11,
        -5.5114709525037056e-11, 1.0920038456253917e-10, -1.7640341711110032e-10, 2.386050341041412e-10,
        -2.7536837502359233e-10, 2.748676808961636e-10, -2.396566871589998e-10, 1.8378485359603671e-10,
        -1.2450012763001698e-10, 7.463941860429059e-11, -3.956196470530362e-11, 1.8452304418895604e-11,
        -7.49376222594815e-12, 2.593319563942725e-12, -7.291083363837765e-13, 1.4511289591368742e-13,
        -7.11084901306497e-15,
        // c = 5.75
        0.9999999999999996, 4.938485140964219e-15, -2.8396289560544257e-14, 1.0720628160176492e-13,
        -2.9875262975155936e-13, 6.549691639480571e-13, -1.175690196300027e-12, 1.775545997743364e-12,
        -2.300413758263223e-12, 2.5941725248862415e-12, -2.5743359577057163e-12, 2.2668502698927728e-12,
        -1.782347272631223e-12, 1.2570078056760755e-12, -7.975073209089227e-13, 4.55792741517898e-13,
        -2.345585121932816e-13, 1.0840067646333407e-13, -4.4726993001296737e-14, 1.629492558922534e-14,
        -5.13228813999751e-15,
    ];

    /// <summary>
    /// x rounded to <paramref name="decimals"/> decimal places, as PyTorch 1.13's round_decimals kernel: with p = 10^|d|
    /// in x's dtype, nearbyint(x·p)/p, or nearbyint(x/p)·p for d &lt; 0 (so an x·p that overflows gives ±∞, as there).
    /// Floating x only, as PyTorch (its words for an Int64 x).
    /// </summary>
    public static NdArray RoundDecimals(NdArray x, int decimals)
    {
        if (!x.DType.IsFloating())
            throw new ArgumentException($"round: \"{(decimals == 0 ? "round_vml_cpu" : "round_cpu")}\" not implemented for 'Long'", nameof(x));
        var p = Math.Pow(10, Math.Abs((double)decimals));
        return x.DType == DType.Float32
            ? NdArray.Own(x.Shape, RoundDecimals(x.Span<float>(), (float)p, decimals < 0))
            : NdArray.Own(x.Shape, RoundDecimals(x.Span<double>(), p, decimals < 0));
    }

    static T[] RoundDecimals<T>(ReadOnlySpan<T> x, T p, bool negative) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Buffers.Uninitialized<T>(x.Length);
        if (negative) TensorPrimitives.Divide(x, p, r);
        else TensorPrimitives.Multiply(x, p, r);
        TensorPrimitives.Round(r, r);
        if (negative) TensorPrimitives.Multiply(r, p, r);
        else TensorPrimitives.Divide(r, p, r);
        return r;
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
        if (dtype == DType.Bool) return Layout.Cast(Pairwise(op, Layout.Cast(a, DType.Int64), Layout.Cast(b, DType.Int64), name), DType.Bool);
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
