using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    static Core.DType Floating(DType? dtype) => (Core.DType)(dtype ?? DefaultDType);

    static Core.Shape ShapeOf(int[] shape) => Core.Shape.Of(shape);

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(double value, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.Scalar(value, Floating(dtype)), requiresGrad);

    /// <summary>A 1-D tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(double[] data, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.From(data, Core.Shape.Of(data.Length), Floating(dtype)), requiresGrad);

    /// <summary>A 2-D tensor holding a copy of <paramref name="data"/>, rows first.</summary>
    public static Tensor From(double[,] data, bool requiresGrad = false, DType? dtype = null)
    {
        int rows = data.GetLength(0), cols = data.GetLength(1);
        var flat = new double[rows * cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++) flat[i * cols + j] = data[i, j];
        return Leaf(NdArray.From(flat, Core.Shape.Of(rows, cols), Floating(dtype)), requiresGrad);
    }

    /// <summary>A tensor of the given shape holding a copy of <paramref name="data"/> in row-major order.</summary>
    public static Tensor From(double[] data, int[] shape, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.From(data, ShapeOf(shape), Floating(dtype)), requiresGrad);

    /// <summary>A Float32 tensor of the given shape holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(float[] data, int[] shape, bool requiresGrad = false) =>
        Leaf(NdArray.From(data, ShapeOf(shape)), requiresGrad);

    /// <summary>An Int64 tensor holding a copy of <paramref name="data"/>, 1-D unless a shape is given.</summary>
    public static Tensor From(long[] data, int[]? shape = null) =>
        Leaf(NdArray.From(data, shape is null ? Core.Shape.Of(data.Length) : ShapeOf(shape)), false);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(int[] shape, bool requiresGrad = false, DType? dtype = null) => Full(shape, 0, requiresGrad, dtype);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(int[] shape, bool requiresGrad = false, DType? dtype = null) => Full(shape, 1, requiresGrad, dtype);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static Tensor Full(int[] shape, double value, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(NdArray.Full(ShapeOf(shape), value, Floating(dtype)), requiresGrad);
}
