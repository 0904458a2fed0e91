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
    /// g = ∇ + λp; m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; p − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
    /// </summary>
    public static NdArray Adam(NdArray p, NdArray grad, int step, double lr, double beta1, double beta2, double eps,
                               double weightDecay, ref Array? m, ref Array? v)
    {
        var stepSize = lr / (1 - Math.Pow(beta1, step));
        var correction2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, step));
        return p.DType == DType.Float32
            ? NdArray.Own(p.Shape, Adam(p.Buffer<float>(), Grad<float>(grad), (float)beta1, (float)beta2, (float)eps, (float)weightDecay,
                                        (float)stepSize, (float)correction2Sqrt, ref m, ref v))
            : NdArray.Own(p.Shape, Adam(p.Buffer<double>(), Grad<double>(grad), beta1, beta2, eps, weightDecay,
                                        stepSize, correction2Sqrt, ref m, ref v));
    }

    static T[] Adam<T>(T[] p, T[] grad, T beta1, T beta2, T eps, T weightDecay, T stepSize, T correction2Sqrt,
                       ref Array? mState, ref Array? vState) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = (T[])(mState ??= new T[p.Length]);
        var v = (T[])(vState ??= new T[p.Length]);
        var result = Buffers.Uninitialized<T>(p.Length);
        var (oneMinusBeta1, oneMinusBeta2) = (T.One - beta1, T.One - beta2);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Span<Vector<T>> vp = Vectors(p), vg = Vectors(grad), vm = Vectors(m), vv = Vectors(v), vr = Vectors(result);
            for (var k = 0; k < vr.Length; k++)
            {
                var g = weightDecay == T.Zero ? vg[k] : vg[k] + weightDecay * vp[k];
                var mk = vm[k] = vm[k] * beta1 + g * oneMinusBeta1;
                var vk = vv[k] = vv[k] * beta2 + g * g * oneMinusBeta2;
                vr[k] = vp[k] - stepSize * (mk / (Vector.SquareRoot(vk) / correction2Sqrt + new Vector<T>(eps)));
            }
            i = vr.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var g = weightDecay == T.Zero ? grad[i] : grad[i] + weightDecay * p[i];
            m[i] = m[i] * beta1 + g * oneMinusBeta1;
            v[i] = v[i] * beta2 + g * g * oneMinusBeta2;
            result[i] = p[i] - stepSize * (m[i] / (T.Sqrt(v[i]) / correction2Sqrt + eps));
        }
        return result;
    }

    static Span<Vector<T>> Vectors<T>(T[] array) where T : unmanaged => MemoryMarshal.Cast<T, Vector<T>>(array.AsSpan());

    // Gradients have their parameter's dtype (accumulation casts them); a cast here only guards direct callers.
    static T[] Grad<T>(NdArray grad) where T : unmanaged =>
        Layout.Cast(grad, typeof(T) == typeof(float) ? DType.Float32 : DType.Float64).Buffer<T>();
}
