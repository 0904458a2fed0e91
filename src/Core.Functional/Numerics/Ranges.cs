namespace Nabla.Core.Numerics;

/// <summary>
/// The values of arange and linspace, computed as PyTorch 1.13's CPU kernels compute them element by element (its
/// scalar loop, which GCC compiles with fused multiply-adds): exactly PyTorch's values where its scalar loop runs
/// (fewer than two vectors of elements), and within an ulp of the largest endpoint where it uses vector lanes.
/// </summary>
internal static class Ranges
{
    /// <summary>start + k·step for k &lt; n, in Int64 (wrapping, as PyTorch's).</summary>
    public static NdArray Arange(long start, long step, int n)
    {
        var values = new long[n];
        for (var k = 0; k < n; k++) values[k] = unchecked(start + step * k);
        return NdArray.Own(Shape.Of(n), values);
    }

    /// <summary>start + k·step for k &lt; n, with one rounding in Float64 (then to Float32 for a Float32 result).</summary>
    public static NdArray Arange(double start, double step, int n, DType dtype)
    {
        if (dtype == DType.Float32)
        {
            var f = new float[n];
            for (var k = 0; k < n; k++) f[k] = (float)Math.FusedMultiplyAdd(step, k, start);
            return NdArray.Own(Shape.Of(n), f);
        }
        var d = new double[n];
        for (var k = 0; k < n; k++) d[k] = Math.FusedMultiplyAdd(step, k, start);
        return NdArray.Own(Shape.Of(n), d);
    }

    /// <summary>
    /// <paramref name="steps"/> (at least 2) evenly spaced values from start to end, both included: the step
    /// (end − start)/(steps − 1) and each value in the dtype's own precision (Float64 for Int64 results, truncated),
    /// the first half as start + k·step and the second as end − (steps − 1 − k)·step, so both ends are exact.
    /// </summary>
    public static NdArray Linspace(double start, double end, int steps, DType dtype)
    {
        var half = steps / 2;
        switch (dtype)
        {
            case DType.Float32:
            {
                float s = (float)start, e = (float)end, step = (e - s) / (steps - 1);
                var f = new float[steps];
                for (var k = 0; k < steps; k++)
                    f[k] = k < half ? MathF.FusedMultiplyAdd(step, k, s) : MathF.FusedMultiplyAdd(-step, steps - k - 1, e);
                return NdArray.Own(Shape.Of(steps), f);
            }
            case DType.Float64:
            {
                var step = (end - start) / (steps - 1);
                var d = new double[steps];
                for (var k = 0; k < steps; k++)
                    d[k] = k < half ? Math.FusedMultiplyAdd(step, k, start) : Math.FusedMultiplyAdd(-step, steps - k - 1, end);
                return NdArray.Own(Shape.Of(steps), d);
            }
            default:
            {
                // start and end are whole numbers here (the caller truncated them); the step is fractional.
                var step = (end - start) / (steps - 1);
                var l = new long[steps];
                for (var k = 0; k < steps; k++)
                    l[k] = (long)(k < half ? Math.FusedMultiplyAdd(step, k, start) : Math.FusedMultiplyAdd(-step, steps - k - 1, end));
                return NdArray.Own(Shape.Of(steps), l);
            }
        }
    }
}
