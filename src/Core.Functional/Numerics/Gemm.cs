
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
            var c = new float[m * n];
            if (c.Length > 0 && k > 0) provider.MatrixMultiply(b.Buffer<float>(), n, k, a.Buffer<float>(), k, m, c);
            return NdArray.Own(shape, c);
        }
        var d = new double[m * n];
        if (d.Length > 0 && k > 0) provider.MatrixMultiply(b.Buffer<double>(), n, k, a.Buffer<double>(), k, m, d);
        return NdArray.Own(shape, d);
    }
}
