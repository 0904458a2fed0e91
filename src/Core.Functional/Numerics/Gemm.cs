
namespace Nabla.Core.Numerics;

/// <summary>Matrix products through MathNet's linear-algebra provider (column-major, so row-major operands swap).</summary>
internal static class Gemm
{
    /// <summary>C = A·B for row-major A [m,k] and B [k,n]; operands already share a floating dtype.</summary>
    public static NdArray MatMul(NdArray a, NdArray b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var shape = Shape.Of(m, n);
        var provider = Providers.Provider.LinearAlgebra;
        // Row-major X is column-major Xᵀ, so C = A·B is computed as Cᵀ = Bᵀ·Aᵀ in column-major terms.
        if (a.DType == DType.Float32)
        {
            // An empty inner dimension gives zeros; otherwise the product writes every element.
            var c = k > 0 ? Buffers.Uninitialized<float>(m * n) : new float[m * n];
            if (c.Length > 0 && k > 0) provider.MatrixMultiply(b.Buffer<float>(), n, k, a.Buffer<float>(), k, m, c);
            return NdArray.Own(shape, c);
        }
        var d = k > 0 ? Buffers.Uninitialized<double>(m * n) : new double[m * n];
        if (d.Length > 0 && k > 0) provider.MatrixMultiply(b.Buffer<double>(), n, k, a.Buffer<double>(), k, m, d);
        return NdArray.Own(shape, d);
    }

    /// <summary>Σᵢ aᵢbᵢ for vectors of equal length and a shared floating dtype, 0-dimensional.</summary>
    public static NdArray Dot(NdArray a, NdArray b) => a.DType == DType.Float32
        ? NdArray.Own(Shape.Scalar, new[] { System.Numerics.Tensors.TensorPrimitives.Dot(a.Span<float>(), b.Span<float>()) })
        : NdArray.Own(Shape.Scalar, new[] { System.Numerics.Tensors.TensorPrimitives.Dot(a.Span<double>(), b.Span<double>()) });

    /// <summary>C[i] = A[i]·B[i] for stacks A [batch,m,k] and B [batch,k,n] of a shared floating dtype.</summary>
    public static NdArray BatchMatMul(NdArray a, NdArray b)
    {
        int batch = a.Shape[0], m = a.Shape[1], k = a.Shape[2], n = b.Shape[2];
        return a.DType == DType.Float32
            ? NdArray.Own(Shape.Of(batch, m, n), Batched(a.Buffer<float>(), b.Buffer<float>(), batch, m, k, n))
            : NdArray.Own(Shape.Of(batch, m, n), Batched(a.Buffer<double>(), b.Buffer<double>(), batch, m, k, n));
    }

    static T[] Batched<T>(T[] a, T[] b, int batch, int m, int k, int n) where T : unmanaged
    {
        var c = new T[batch * m * n];
        if (c.Length == 0 || k == 0) return c;
        // The provider interface takes whole arrays, so each matrix of the stack is copied out and back.
        var (ai, bi, ci) = (new T[m * k], new T[k * n], new T[m * n]);
        var provider = (MathNet.Numerics.Providers.LinearAlgebra.ILinearAlgebraProvider<T>)Providers.Provider.LinearAlgebra;
        for (var i = 0; i < batch; i++)
        {
            System.Array.Copy(a, i * m * k, ai, 0, ai.Length);
            System.Array.Copy(b, i * k * n, bi, 0, bi.Length);
            provider.MatrixMultiply(bi, n, k, ai, k, m, ci);
            System.Array.Copy(ci, 0, c, i * m * n, ci.Length);
        }
        return c;
    }
}
