using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    internal static Core.DType Floating(DType? dtype) => (Core.DType)(dtype ?? DefaultDType);

    // A shape argument as a core shape: ArgumentNullException for null, ArgumentException for a negative size or more
    // elements than a tensor can hold (a size of 0 makes any other sizes fine).
    static Core.Shape ShapeOf(int[] shape) => Core.Shape.Of(shape ?? throw new ArgumentNullException(nameof(shape)));

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(double value, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.Scalar(value, Floating(dtype)), requiresGrad);

    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(double[] data, bool requiresGrad = false, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Leaf(NdArray.From(data, Core.Shape.Of(data.Length), Floating(dtype)), requiresGrad);
    }

    /// <summary>A 2-D tensor holding a copy of <paramref name="data"/>, rows first.</summary>
    public static Tensor From(double[,] data, bool requiresGrad = false, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        int rows = data.GetLength(0), cols = data.GetLength(1);
        var shape = Core.Shape.Of(rows, cols);
        var flat = new double[shape.Numel];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++) flat[i * cols + j] = data[i, j];
        return Leaf(NdArray.From(flat, shape, Floating(dtype)), requiresGrad);
    }

    /// <summary>A tensor of the given shape holding a copy of <paramref name="data"/> in row-major order.</summary>
    public static Tensor From(double[] data, int[] shape, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.From(data ?? throw new ArgumentNullException(nameof(data)), ShapeOf(shape), Floating(dtype)), requiresGrad);

    /// <summary>A Float32 tensor of the given shape holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(float[] data, int[] shape, bool requiresGrad = false) =>
        Leaf(NdArray.From(data ?? throw new ArgumentNullException(nameof(data)), ShapeOf(shape)), requiresGrad);

    /// <summary>An Int64 tensor holding a copy of <paramref name="data"/>, 1-D unless a shape is given.</summary>
    public static Tensor From(long[] data, int[]? shape = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Leaf(NdArray.From(data, shape is null ? Core.Shape.Of(data.Length) : ShapeOf(shape)), false);
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(int[] shape, bool requiresGrad = false, DType? dtype = null) => Full(shape, 0, requiresGrad, dtype);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(int[] shape, bool requiresGrad = false, DType? dtype = null) => Full(shape, 1, requiresGrad, dtype);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static Tensor Full(int[] shape, double value, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.Full(ShapeOf(shape), value, Floating(dtype)), requiresGrad);

    /// <summary>Samples from the standard normal distribution; the same seed gives the same values (from System.Random, not the global generator).</summary>
    public static Tensor Randn(int[] shape, int seed, bool requiresGrad = false, DType? dtype = null)
    {
        _ = NormalDType(dtype); // Int64: PyTorch's error
        var rng = new Random(seed);
        var values = new double[ShapeOf(shape).Numel];
        // Box–Muller: two uniforms in (0, 1] give two independent standard normals.
        for (var i = 0; i < values.Length; i += 2)
        {
            var r = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble()));
            var theta = 2 * Math.PI * rng.NextDouble();
            values[i] = r * Math.Cos(theta);
            if (i + 1 < values.Length) values[i + 1] = r * Math.Sin(theta);
        }
        return From(values, shape, requiresGrad, dtype);
    }

    /// <summary>Samples uniformly from [0, 1); the same seed gives the same values (from System.Random, not the global generator).</summary>
    public static Tensor Rand(int[] shape, int seed, bool requiresGrad = false, DType? dtype = null)
    {
        _ = UniformDType(dtype); // Int64: PyTorch's error
        var rng = new Random(seed);
        var values = new double[ShapeOf(shape).Numel];
        for (var i = 0; i < values.Length; i++) values[i] = rng.NextDouble();
        return From(values, shape, requiresGrad, dtype);
    }

    /// <summary>0, 1, …, n − 1 as a 1-D tensor: Int64 unless a dtype is given, as torch.arange(n).</summary>
    public static Tensor Arange(int n, DType? dtype = null)
    {
        if (n < 0) throw new ArgumentException($"arange: upper bound {n} must be non-negative", nameof(n));
        if (dtype == DType.Bool) throw new ArgumentException("\"arange_cpu\" not implemented for 'Bool'", nameof(dtype));
        var values = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        return Leaf(NdArray.From(values, Core.Shape.Of(n), (Core.DType)(dtype ?? DType.Int64)), false);
    }

    /// <summary>The n×n identity matrix.</summary>
    public static Tensor Eye(int n, DType? dtype = null)
    {
        if (n < 0) throw new ArgumentException($"eye: n must be non-negative, got {n}", nameof(n));
        var shape = Core.Shape.Of(n, n);   // n > 46340 is more than a tensor can hold: ArgumentException naming [n, n]
        var values = new double[shape.Numel];
        for (var i = 0; i < n; i++) values[i * n + i] = 1;
        return Leaf(NdArray.From(values, shape, Floating(dtype)), false);
    }
}
