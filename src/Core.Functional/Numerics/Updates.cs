using System.Numerics;
using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics;

/// <summary>
/// Optimizer updates over a parameter's buffer, written in the order PyTorch 1.13's single-tensor SGD and Adam
/// compute them (so results agree to rounding). Each returns a new parameter buffer; the state buffers
/// (momentum, moments) belong to the optimizer and are updated in place.
/// </summary>
internal static class Updates
{
    /// <summary>g = ∇ (+ λp when λ ≠ 0); b = μb + g (b = g on the first step); p − lr·b (p − lr·g without momentum).</summary>
    public static NdArray Sgd(NdArray p, NdArray grad, double lr, double momentum, double weightDecay, ref Array? buffer) =>
        p.DType == DType.Float32
            ? NdArray.Own(p.Shape, Sgd(p.Buffer<float>(), Grad<float>(grad), (float)lr, (float)momentum, (float)weightDecay, ref buffer))
            : NdArray.Own(p.Shape, Sgd(p.Buffer<double>(), Grad<double>(grad), lr, momentum, weightDecay, ref buffer));

    // Vector lanes and the scalar tail do the same arithmetic in the same order, so results match element for element.
    static T[] Sgd<T>(T[] p, T[] grad, T lr, T momentum, T weightDecay, ref Array? buffer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Buffers.Uninitialized<T>(p.Length);
        var first = buffer is null;
        var b = momentum == T.Zero ? null : (T[])(buffer ??= new T[p.Length]);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Span<Vector<T>> vp = Vectors(p), vg = Vectors(grad), vr = Vectors(result), vb = b is null ? default : Vectors(b);
            for (var v = 0; v < vr.Length; v++)
            {
                var g = weightDecay == T.Zero ? vg[v] : vg[v] + weightDecay * vp[v];
                if (b is not null) g = vb[v] = first ? g : momentum * vb[v] + g;
                vr[v] = vp[v] - lr * g;
            }
            i = vr.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var g = weightDecay == T.Zero ? grad[i] : grad[i] + weightDecay * p[i];
            if (b is not null) g = b[i] = first ? g : momentum * b[i] + g;
            result[i] = p[i] - lr * g;
        }
        return result;
    }

    /// <summary>
    /// g = ∇ + λp; m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; p + (−lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
    /// </summary>
    /// <remarks>
    /// As PyTorch, the scalar coefficients (1−β₁, 1−β₂, the bias corrections, the step size) are computed in double, as
    /// its Python floats are, and each is rounded to the parameter's dtype only as a kernel's scalar: in float32
    /// 1f − 0.999f is 0.00099998713, 1.3e-5 below (float)(1 − 0.999), which made every step 6.4e-6 too large.
    /// </remarks>
    public static NdArray Adam(NdArray p, NdArray grad, int step, double lr, double beta1, double beta2, double eps,
                               double weightDecay, ref Array? m, ref Array? v)
    {
        var c = new AdamScalars<double>(beta1, 1 - beta1, beta2, 1 - beta2, eps, weightDecay,
                                -(lr / (1 - Math.Pow(beta1, step))), Math.Sqrt(1 - Math.Pow(beta2, step)));
        return p.DType == DType.Float32
            ? NdArray.Own(p.Shape, Adam(p.Buffer<float>(), Grad<float>(grad), Rounded<float>(c), ref m, ref v))
            : NdArray.Own(p.Shape, Adam(p.Buffer<double>(), Grad<double>(grad), c, ref m, ref v));
    }

    // Adam's per-step scalars, computed in double and then rounded once each to the parameter's dtype.
    readonly record struct AdamScalars<T>(T Beta1, T OneMinusBeta1, T Beta2, T OneMinusBeta2, T Eps, T WeightDecay,
                                          T NegativeStepSize, T Correction2Sqrt) where T : unmanaged, IFloatingPointIeee754<T>;

    static AdamScalars<T> Rounded<T>(AdamScalars<double> c) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(T.CreateTruncating(c.Beta1), T.CreateTruncating(c.OneMinusBeta1), T.CreateTruncating(c.Beta2),
            T.CreateTruncating(c.OneMinusBeta2), T.CreateTruncating(c.Eps), T.CreateTruncating(c.WeightDecay),
            T.CreateTruncating(c.NegativeStepSize), T.CreateTruncating(c.Correction2Sqrt));

    // In PyTorch 1.13's order: m.mul_(β₁).add_(g, alpha=1−β₁); v.mul_(β₂).addcmul_(g, g, value=1−β₂);
    // denom = (v.sqrt() / √(1−β₂ᵗ)).add_(ε); p.addcdiv_(m, denom, value=−step) = p + (−step·m)/denom.
    static T[] Adam<T>(T[] p, T[] grad, AdamScalars<T> c, ref Array? mState, ref Array? vState)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = (T[])(mState ??= new T[p.Length]);
        var v = (T[])(vState ??= new T[p.Length]);
        var result = Buffers.Uninitialized<T>(p.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Span<Vector<T>> vp = Vectors(p), vg = Vectors(grad), vm = Vectors(m), vv = Vectors(v), vr = Vectors(result);
            for (var k = 0; k < vr.Length; k++)
            {
                var g = c.WeightDecay == T.Zero ? vg[k] : vg[k] + c.WeightDecay * vp[k];
                var mk = vm[k] = vm[k] * c.Beta1 + c.OneMinusBeta1 * g;
                var vk = vv[k] = vv[k] * c.Beta2 + c.OneMinusBeta2 * g * g;
                vr[k] = vp[k] + c.NegativeStepSize * mk / (Vector.SquareRoot(vk) / c.Correction2Sqrt + new Vector<T>(c.Eps));
            }
            i = vr.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var g = c.WeightDecay == T.Zero ? grad[i] : grad[i] + c.WeightDecay * p[i];
            m[i] = m[i] * c.Beta1 + c.OneMinusBeta1 * g;
            v[i] = v[i] * c.Beta2 + c.OneMinusBeta2 * g * g;
            result[i] = p[i] + c.NegativeStepSize * m[i] / (T.Sqrt(v[i]) / c.Correction2Sqrt + c.Eps);
        }
        return result;
    }

    static Span<Vector<T>> Vectors<T>(T[] array) where T : unmanaged => MemoryMarshal.Cast<T, Vector<T>>(array.AsSpan());

    // Gradients have their parameter's dtype (accumulation casts them); a cast here only guards direct callers.
    static T[] Grad<T>(NdArray grad) where T : unmanaged =>
        Layout.Cast(grad, typeof(T) == typeof(float) ? DType.Float32 : DType.Float64).Buffer<T>();
}
