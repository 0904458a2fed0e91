namespace Nabla.Core.Numerics;

/// <summary>
/// The values of arange and linspace, computed as PyTorch 1.13's CPU kernels compute them, so that they are PyTorch's
/// values to the bit up to 32,768 elements (the size below which PyTorch fills the tensor in one pass). PyTorch's pass
/// fills 32-byte vectors two at a time (8 Float32 lanes, 4 Float64 or Int64 lanes), each vector's lanes counted from its
/// first value as base + j·step, then the last elements one by one; its compiler fused some of these multiply-adds and
/// not others (as probed against Debian's PyTorch 1.13.1 over thousands of ranges), and the loops below fuse the same
/// ones. Longer tensors PyTorch splits among its threads, each restarting a vector pass at its own first element; there
/// Nabla's values stay within an ulp of the largest endpoint of PyTorch's (within 1 for Int64 linspace), as every lane is.
/// </summary>
internal static class Ranges
{
    // Where the vector pass ends: the largest multiple of two vectors of `lanes` elements within n.
    static int VectorEnd(int n, int lanes) => n / (2 * lanes) * (2 * lanes);

    /// <summary>start + k·step for k &lt; n, in Int64 (wrapping, as PyTorch's).</summary>
    public static NdArray Arange(long start, long step, int n)
    {
        var values = new long[n];
        for (var k = 0; k < n; k++) values[k] = unchecked(start + step * k);
        return NdArray.Own(Shape.Of(n), values);
    }

    /// <summary>start + k·step for k &lt; n in Float64 (then rounded to Float32 for a Float32 result), as PyTorch's arange.</summary>
    public static NdArray Arange(double start, double step, int n, DType dtype)
    {
        if (dtype == DType.Float32)
        {
            // Lane base rounded to Float32, each lane base + j·step in Float64 (unfused), then rounded to Float32.
            var f = new float[n];
            var end = VectorEnd(n, 8);
            for (var i = 0; i < end; i += 8)
            {
                double b = (float)Math.FusedMultiplyAdd(step, i, start);
                for (var j = 0; j < 8; j++) f[i + j] = (float)(b + j * step);
            }
            for (var k = end; k < n; k++) f[k] = (float)Math.FusedMultiplyAdd(step, k, start);
            return NdArray.Own(Shape.Of(n), f);
        }
        // Float64: lane base and lanes both fused.
        var d = new double[n];
        var vend = VectorEnd(n, 4);
        for (var i = 0; i < vend; i += 4)
        {
            var b = Math.FusedMultiplyAdd(step, i, start);
            for (var j = 0; j < 4; j++) d[i + j] = Math.FusedMultiplyAdd(j, step, b);
        }
        for (var k = vend; k < n; k++) d[k] = Math.FusedMultiplyAdd(step, k, start);
        return NdArray.Own(Shape.Of(n), d);
    }

    /// <summary>
    /// <paramref name="steps"/> (at least 2) evenly spaced values from start to end, both included, as PyTorch's linspace:
    /// the step (end − start)/(steps − 1) in the dtype's precision (Float64 for Int64 results, truncated), values before
    /// the middle counted from start (start + k·step) and the others from end (end − (steps − 1 − k)·step), so both ends are
    /// exact; a vector takes the side its first element is on.
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
                var vend = VectorEnd(steps, 8);
                for (var i = 0; i < vend; i += 8)
                {
                    var b = i < half ? MathF.FusedMultiplyAdd(step, i, s) : MathF.FusedMultiplyAdd(-step, steps - i - 1, e);
                    for (var j = 0; j < 8; j++) f[i + j] = b + j * step;
                }
                for (var k = vend; k < steps; k++)
                    f[k] = k < half ? MathF.FusedMultiplyAdd(step, k, s) : MathF.FusedMultiplyAdd(-step, steps - k - 1, e);
                return NdArray.Own(Shape.Of(steps), f);
            }
            case DType.Float64:
            {
                var step = (end - start) / (steps - 1);
                var d = new double[steps];
                var vend = VectorEnd(steps, 4);
                for (var i = 0; i < vend; i += 4)
                {
                    var b = i < half ? Math.FusedMultiplyAdd(step, i, start) : Math.FusedMultiplyAdd(-step, steps - i - 1, end);
                    for (var j = 0; j < 4; j++) d[i + j] = b + j * step;
                }
                for (var k = vend; k < steps; k++)
                    d[k] = k < half ? Math.FusedMultiplyAdd(step, k, start) : Math.FusedMultiplyAdd(-step, steps - k - 1, end);
                return NdArray.Own(Shape.Of(steps), d);
            }
            default:
            {
                // start and end are whole numbers here (the caller truncated them); the step is fractional, and a lane's
                // base is truncated before its lanes are counted from it, as in PyTorch.
                var step = (end - start) / (steps - 1);
                var l = new long[steps];
                var vend = VectorEnd(steps, 4);
                for (var i = 0; i < vend; i += 4)
                {
                    double b = (long)(i < half ? Math.FusedMultiplyAdd(step, i, start) : Math.FusedMultiplyAdd(-step, steps - i - 1, end));
                    for (var j = 0; j < 4; j++) l[i + j] = (long)(b + j * step);
                }
                for (var k = vend; k < steps; k++)
                    l[k] = (long)(k < half ? Math.FusedMultiplyAdd(step, k, start) : Math.FusedMultiplyAdd(-step, steps - k - 1, end));
                return NdArray.Own(Shape.Of(steps), l);
            }
        }
    }
}
