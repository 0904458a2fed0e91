using System.Numerics;

namespace Nabla.Core.Numerics;

/// <summary>
/// Loss kernels with mean reduction: each walks its inputs once and returns a 0-dimensional array, with no
/// temporary of the inputs' size. Inputs already have one floating dtype (and, where two, one shape).
/// </summary>
internal static class Losses
{
    /// <summary>−(1/N) Σᵢ x[i, tᵢ] for rows of <paramref name="classes"/> log-probabilities and N in-range targets.</summary>
    public static NdArray NllLoss(NdArray logProbs, ReadOnlySpan<long> targets, int classes) =>
        logProbs.DType == DType.Float32
            ? Scalar(-Picked(logProbs.Span<float>(), targets, classes) / targets.Length)
            : Scalar(-Picked(logProbs.Span<double>(), targets, classes) / targets.Length);

    /// <summary>Zeros of <paramref name="shape"/> with −1/N at each (i, tᵢ): the Jacobian of the NLL loss, N = targets.</summary>
    public static NdArray NllLossWeights(Shape shape, ReadOnlySpan<long> targets, DType dtype)
    {
        var classes = shape[shape.Rank - 1];
        var weight = -1.0 / targets.Length;
        if (dtype == DType.Float32)
        {
            var r = new float[shape.Numel];
            for (var i = 0; i < targets.Length; i++) r[i * classes + (int)targets[i]] = (float)weight;
            return NdArray.Own(shape, r);
        }
        var d = new double[shape.Numel];
        for (var i = 0; i < targets.Length; i++) d[i * classes + (int)targets[i]] = weight;
        return NdArray.Own(shape, d);
    }

    /// <summary>(1/n) Σ (x − t)² over the n elements of x and t.</summary>
    public static NdArray MseLoss(NdArray x, NdArray t) =>
        x.DType == DType.Float32
            ? Scalar(SquaredError(x.Span<float>(), t.Span<float>()) / x.Numel)
            : Scalar(SquaredError(x.Span<double>(), t.Span<double>()) / x.Numel);

    /// <summary>(1/n) Σ max(x, 0) − x·t + ln(1 + e^(−|x|)) over the n elements: finite for any finite x.</summary>
    public static NdArray BinaryCrossEntropyWithLogits(NdArray x, NdArray t) =>
        x.DType == DType.Float32
            ? Scalar(LogisticError(x.Span<float>(), t.Span<float>()) / x.Numel)
            : Scalar(LogisticError(x.Span<double>(), t.Span<double>()) / x.Numel);

    static NdArray Scalar(float value) => NdArray.Own(Shape.Scalar, [value]);

    static NdArray Scalar(double value) => NdArray.Own(Shape.Scalar, [value]);

    static T Picked<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> targets, int classes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < targets.Length; i++) sum += x[i * classes + (int)targets[i]];
        return sum;
    }

    static T SquaredError<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var acc = Vector<T>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var d = new Vector<T>(x[i..]) - new Vector<T>(t[i..]);
            acc += d * d;
        }
        var sum = Vector.Sum(acc);
        for (; i < x.Length; i++)
        {
            var d = x[i] - t[i];
            sum += d * d;
        }
        return sum;
    }

    // max(x, 0) − x·t + ln(1 + e^(−|x|)) is ln(1 + eˣ) − x·t rearranged so that no exponential exceeds 1.
    static T LogisticError<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < x.Length; i++)
            sum += T.Max(x[i], T.Zero) - x[i] * t[i] + LogOnePlus(T.Exp(-T.Abs(x[i])));
        return sum;
    }

    // ln(1 + e) for e in [0, 1], accurate when e is tiny (T.LogP1 computes ln(e + 1) and loses it): u = 1 + e is
    // rounded, and e / (u − 1) corrects ln u for exactly that rounding (Goldberg 1991, theorem 4).
    static T LogOnePlus<T>(T e) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = T.One + e;
        return u == T.One ? e : T.Log(u) * e / (u - T.One);
    }
}
