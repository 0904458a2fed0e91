using System.Numerics;
using System.Runtime.InteropServices;

namespace Nabla.Core.Numerics;

/// <summary>
/// Optimizer updates over a parameter's buffer, written in the order PyTorch 1.13's single-tensor SGD and Adam
/// compute them (so results agree to rounding). Each is pure: it returns the new parameter and the new state
/// (momentum buffer, moments) as fresh arrays and writes nothing it is given.
/// </summary>
internal static class Updates
{
    /// <summary>
    /// g = ∇ (+ λp when λ ≠ 0); b = μb + g (b = g on the first step, when <paramref name="buffer"/> is null);
    /// p − lr·b (p − lr·g without momentum, when the returned buffer is null).
    /// </summary>
    public static (NdArray Param, NdArray? Buffer) Sgd(NdArray p, NdArray grad, double lr, double momentum, double weightDecay,
                                                       NdArray? buffer) =>
        p.DType == DType.Float32
            ? Sgd<float>(p, grad, (float)lr, (float)momentum, (float)weightDecay, buffer)
            : Sgd<double>(p, grad, lr, momentum, weightDecay, buffer);

    // Vector lanes and the scalar tail do the same arithmetic in the same order, so results match element for element.
    static (NdArray, NdArray?) Sgd<T>(NdArray param, NdArray gradient, T lr, T momentum, T weightDecay, NdArray? buffer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> p = param.Span<T>(), grad = Grad<T>(gradient), old = State<T>(buffer);
        var first = buffer is null;
        var result = Buffers.Uninitialized<T>(p.Length);
        var b = momentum == T.Zero ? null : Buffers.Uninitialized<T>(p.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            ReadOnlySpan<Vector<T>> vp = Vectors(p), vg = Vectors(grad), vo = Vectors(old);
            Span<Vector<T>> vr = Vectors<T>(result), vb = Vectors<T>(b);
            for (var v = 0; v < vr.Length; v++)
            {
                var g = weightDecay == T.Zero ? vg[v] : vg[v] + weightDecay * vp[v];
                if (b is not null) g = vb[v] = first ? g : momentum * vo[v] + g;
                vr[v] = vp[v] - lr * g;
            }
            i = vr.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var g = weightDecay == T.Zero ? grad[i] : grad[i] + weightDecay * p[i];
            if (b is not null) g = b[i] = first ? g : momentum * old[i] + g;
            result[i] = p[i] - lr * g;
        }
        return (NdArray.Own(param.Shape, result), b is null ? null : NdArray.Own(param.Shape, b));
    }

    /// <summary>Adam's state for one parameter after <see cref="Step"/> steps: the moments m and v.</summary>
    public sealed record AdamState(int Step, NdArray M, NdArray V);

    /// <summary>
    /// t = 1 + the previous step (0 when <paramref name="state"/> is null); g = ∇ + λp; m = β₁m + (1−β₁)g;
    /// v = β₂v + (1−β₂)g²; p + (−lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
    /// </summary>
    /// <remarks>
    /// As PyTorch, the scalar coefficients (1−β₁, 1−β₂, the bias corrections, the step size) are computed in double, as
    /// its Python floats are, and each is rounded to the parameter's dtype only as a kernel's scalar: in float32
    /// 1f − 0.999f is 0.00099998713, 1.3e-5 below (float)(1 − 0.999), which made every step 6.4e-6 too large.
    /// </remarks>
    public static (NdArray Param, AdamState State) Adam(NdArray p, NdArray grad, AdamState? state, double lr, double beta1,
                                                        double beta2, double eps, double weightDecay)
    {
        var step = (state?.Step ?? 0) + 1;
        var c = new AdamScalars<double>(beta1, 1 - beta1, beta2, 1 - beta2, eps, weightDecay,
                                -(lr / (1 - Math.Pow(beta1, step))), Math.Sqrt(1 - Math.Pow(beta2, step)));
        var (param, m, v) = p.DType == DType.Float32 ? Adam<float>(p, grad, Rounded<float>(c), state) : Adam<double>(p, grad, c, state);
        return (param, new AdamState(step, m, v));
    }

    // Adam's per-step scalars, computed in double and then rounded once each to the parameter's dtype.
    readonly record struct AdamScalars<T>(T Beta1, T OneMinusBeta1, T Beta2, T OneMinusBeta2, T Eps, T WeightDecay,
                                          T NegativeStepSize, T Correction2Sqrt) where T : unmanaged, IFloatingPointIeee754<T>;

    static AdamScalars<T> Rounded<T>(AdamScalars<double> c) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(T.CreateTruncating(c.Beta1), T.CreateTruncating(c.OneMinusBeta1), T.CreateTruncating(c.Beta2),
            T.CreateTruncating(c.OneMinusBeta2), T.CreateTruncating(c.Eps), T.CreateTruncating(c.WeightDecay),
            T.CreateTruncating(c.NegativeStepSize), T.CreateTruncating(c.Correction2Sqrt));

    // In PyTorch 1.13's order: m.mul_(β₁).add_(g, alpha=1−β₁); v.mul_(β₂).addcmul_(g, g, value=1−β₂);
    // denom = (v.sqrt() / √(1−β₂ᵗ)).add_(ε); p.addcdiv_(m, denom, value=−step) = p + (−step·m)/denom. The moments
    // start at zero.
    static (NdArray, NdArray, NdArray) Adam<T>(NdArray param, NdArray gradient, AdamScalars<T> c, AdamState? state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> p = param.Span<T>(), grad = Grad<T>(gradient);
        ReadOnlySpan<T> m0 = state is null ? new T[p.Length] : State<T>(state.M), v0 = state is null ? new T[p.Length] : State<T>(state.V);
        T[] m = Buffers.Uninitialized<T>(p.Length), v = Buffers.Uninitialized<T>(p.Length), result = Buffers.Uninitialized<T>(p.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            ReadOnlySpan<Vector<T>> vp = Vectors(p), vg = Vectors(grad), vm0 = Vectors(m0), vv0 = Vectors(v0);
            Span<Vector<T>> vm = Vectors<T>(m), vv = Vectors<T>(v), vr = Vectors<T>(result);
            for (var k = 0; k < vr.Length; k++)
            {
                var g = c.WeightDecay == T.Zero ? vg[k] : vg[k] + c.WeightDecay * vp[k];
                var mk = vm[k] = vm0[k] * c.Beta1 + c.OneMinusBeta1 * g;
                var vk = vv[k] = vv0[k] * c.Beta2 + c.OneMinusBeta2 * g * g;
                vr[k] = vp[k] + c.NegativeStepSize * mk / (Vector.SquareRoot(vk) / c.Correction2Sqrt + new Vector<T>(c.Eps));
            }
            i = vr.Length * Vector<T>.Count;
        }
        for (; i < p.Length; i++)
        {
            var g = c.WeightDecay == T.Zero ? grad[i] : grad[i] + c.WeightDecay * p[i];
            m[i] = m0[i] * c.Beta1 + c.OneMinusBeta1 * g;
            v[i] = v0[i] * c.Beta2 + c.OneMinusBeta2 * g * g;
            result[i] = p[i] + c.NegativeStepSize * m[i] / (T.Sqrt(v[i]) / c.Correction2Sqrt + c.Eps);
        }
        return (NdArray.Own(param.Shape, result), NdArray.Own(param.Shape, m), NdArray.Own(param.Shape, v));
    }

    // A state buffer in the parameter's dtype (empty when there is none yet).
    static ReadOnlySpan<T> State<T>(NdArray? buffer) where T : unmanaged =>
        buffer is null ? default : Layout.Cast(buffer, typeof(T) == typeof(float) ? DType.Float32 : DType.Float64).Span<T>();

    static ReadOnlySpan<Vector<T>> Vectors<T>(ReadOnlySpan<T> values) where T : unmanaged => MemoryMarshal.Cast<T, Vector<T>>(values);

    static Span<Vector<T>> Vectors<T>(T[]? array) where T : unmanaged => MemoryMarshal.Cast<T, Vector<T>>(array.AsSpan());

    // Gradients have their parameter's dtype (accumulation casts them); a cast here only guards direct callers.
    static ReadOnlySpan<T> Grad<T>(NdArray grad) where T : unmanaged =>
        Layout.Cast(grad, typeof(T) == typeof(float) ? DType.Float32 : DType.Float64).Span<T>();
}
