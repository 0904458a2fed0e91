using System.Numerics;
using System.Numerics.Tensors;

namespace Nabla.Core.Numerics;

/// <summary>
/// Loss kernels with mean reduction: each walks its inputs once and returns a 0-dimensional array, with no
/// temporary of the inputs' size (the terms are summed a block at a time by <see cref="Summation"/>). Inputs already
/// have one floating dtype (and, where two, one shape).
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

    static T Picked<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> targets, int classes) where T : unmanaged, IFloatingPointIeee754<T> =>
        Summation.Sum<T, PickedTerms<T>>(targets.Length, new(x, targets, classes));

    static T SquaredError<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t) where T : unmanaged, IFloatingPointIeee754<T> =>
        Summation.Sum<T, SquaredErrors<T>>(x.Length, new(x, t));

    static T LogisticError<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t) where T : unmanaged, IFloatingPointIeee754<T> =>
        Summation.Sum<T, LogisticErrors<T>>(x.Length, new(x, t));

    // x[i, tᵢ] for the rows from start on.
    readonly ref struct PickedTerms<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> targets, int classes) : Summation.ITerms<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ReadOnlySpan<T> x = x;
        readonly ReadOnlySpan<long> targets = targets;

        public void Write(int start, scoped Span<T> terms)
        {
            for (var i = 0; i < terms.Length; i++) terms[i] = x[(start + i) * classes + (int)targets[start + i]];
        }
    }

    // (x − t)².
    readonly ref struct SquaredErrors<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t) : Summation.ITerms<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ReadOnlySpan<T> x = x, t = t;

        public void Write(int start, scoped Span<T> terms)
        {
            TensorPrimitives.Subtract(x.Slice(start, terms.Length), t.Slice(start, terms.Length), terms);
            TensorPrimitives.Multiply(terms, terms, terms);
        }
    }

    // max(x, 0) − x·t + ln(1 + e^(−|x|)) is ln(1 + eˣ) − x·t rearranged so that no exponential exceeds 1.
    readonly ref struct LogisticErrors<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t) : Summation.ITerms<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ReadOnlySpan<T> x = x, t = t;

        public void Write(int start, scoped Span<T> terms)
        {
            for (var i = 0; i < terms.Length; i++)
            {
                var (xi, ti) = (x[start + i], t[start + i]);
                terms[i] = T.Max(xi, T.Zero) - xi * ti + LogOnePlus(T.Exp(-T.Abs(xi)));
            }
        }
    }

    // ln(1 + e) for e in [0, 1], accurate when e is tiny (T.LogP1 computes ln(e + 1) and loses it): u = 1 + e is
    // rounded, and e / (u − 1) corrects ln u for exactly that rounding (Goldberg 1991, theorem 4).
    static T LogOnePlus<T>(T e) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = T.One + e;
        return u == T.One ? e : T.Log(u) * e / (u - T.One);
    }
}
