using System.Numerics;

namespace Nabla.Core.Numerics;

/// <summary>
/// Optimizer updates over a parameter's buffer, written in the order PyTorch 1.13's single-tensor SGD and Adam
/// compute them (so results agree to rounding). Each returns a new parameter buffer; the state buffers
/// (momentum, moments) belong to the optimizer and are updated in place.
/// </summary>
internal static class Updates
{
    /// <summary>g = ∇ + λp; b = μb + g (b = g on the first step); p − lr·b (p − lr·g without momentum).</summary>
    public static NdArray Sgd(NdArray p, NdArray grad, double lr, double momentum, double weightDecay, ref Array? buffer) =>
        p.DType == DType.Float32
            ? NdArray.Own(p.Shape, Sgd(p.Buffer<float>(), Grad<float>(grad), (float)lr, (float)momentum, (float)weightDecay, ref buffer))
            : NdArray.Own(p.Shape, Sgd(p.Buffer<double>(), Grad<double>(grad), lr, momentum, weightDecay, ref buffer));

    static T[] Sgd<T>(T[] p, T[] grad, T lr, T momentum, T weightDecay, ref Array? buffer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Buffers.Uninitialized<T>(p.Length);
        if (momentum == T.Zero)
        {
            for (var i = 0; i < p.Length; i++) result[i] = p[i] - lr * (grad[i] + weightDecay * p[i]);
            return result;
        }
        var first = buffer is null;
        var b = (T[])(buffer ??= new T[p.Length]);
        for (var i = 0; i < p.Length; i++)
        {
            var g = grad[i] + weightDecay * p[i];
            b[i] = first ? g : momentum * b[i] + g;
            result[i] = p[i] - lr * b[i];
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
        for (var i = 0; i < p.Length; i++)
        {
            var g = weightDecay == T.Zero ? grad[i] : grad[i] + weightDecay * p[i];
            m[i] = m[i] * beta1 + g * (T.One - beta1);
            v[i] = v[i] * beta2 + g * g * (T.One - beta2);
            result[i] = p[i] - stepSize * (m[i] / (T.Sqrt(v[i]) / correction2Sqrt + eps));
        }
        return result;
    }

    // Gradients have their parameter's dtype (accumulation casts them); a cast here only guards direct callers.
    static T[] Grad<T>(NdArray grad) where T : unmanaged =>
        Layout.Cast(grad, typeof(T) == typeof(float) ? DType.Float32 : DType.Float64).Buffer<T>();
}
