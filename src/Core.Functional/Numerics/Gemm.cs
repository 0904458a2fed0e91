using System.Numerics;

namespace Nabla.Core.Numerics;

/// <summary>Matrix products of row-major buffers through the numerics provider's GEMM (<see cref="Providers.IGemm"/>).</summary>
internal static class Gemm
{
    /// <summary>C = A·B for row-major A [m,k] and B [k,n]; operands already share a floating dtype.</summary>
    public static NdArray MatMul(NdArray a, NdArray b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var shape = Shape.Of(m, n);
        var gemm = Providers.Provider.Gemm;
        if (a.DType == DType.Float32)
        {
            // An empty inner dimension gives zeros; otherwise the product writes every element.
            var c = k > 0 ? Buffers.Uninitialized<float>(m * n) : new float[m * n];
            if (c.Length > 0 && k > 0) gemm.Multiply(false, false, m, n, k, 1f, a.Buffer<float>(), b.Buffer<float>(), 0f, c);
            return NdArray.Own(shape, c);
        }
        var d = k > 0 ? Buffers.Uninitialized<double>(m * n) : new double[m * n];
        if (d.Length > 0 && k > 0) gemm.Multiply(false, false, m, n, k, 1d, a.Buffer<double>(), b.Buffer<double>(), 0d, d);
        return NdArray.Own(shape, d);
    }

    /// <summary>
    /// C = op(A)·op(B) (+ D broadcast to C's shape, when given) for row-major 2-D operands of a shared floating
    /// dtype, where op transposes when asked; the transposes cost nothing (the BLAS reads the operand transposed).
    /// </summary>
    public static NdArray Product(NdArray a, bool transposeA, NdArray b, bool transposeB, NdArray? addend = null)
    {
        var (m, k) = transposeA ? (a.Shape[1], a.Shape[0]) : (a.Shape[0], a.Shape[1]);
        var n = transposeB ? b.Shape[0] : b.Shape[1];
        var shape = Shape.Of(m, n);
        // The addend broadcast to C's shape is a fresh buffer the GEMM may update in place (β = 1); one that already
        // has C's shape is someone's value, so it is copied.
        var c = addend is null ? null : Layout.Expand(addend, shape);
        var fresh = c is not null && !ReferenceEquals(c, addend);
        return a.DType == DType.Float32
            ? NdArray.Own(shape, Product(a.Buffer<float>(), transposeA, b.Buffer<float>(), transposeB, m, n, k, c?.Buffer<float>(), fresh, 1f))
            : NdArray.Own(shape, Product(a.Buffer<double>(), transposeA, b.Buffer<double>(), transposeB, m, n, k, c?.Buffer<double>(), fresh, 1d));
    }

    static T[] Product<T>(T[] a, bool ta, T[] b, bool tb, int m, int n, int k, T[]? addend, bool fresh, T one) where T : unmanaged
    {
        var c = addend is null ? (k > 0 ? Buffers.Uninitialized<T>(m * n) : new T[m * n]) : fresh ? addend : (T[])addend.Clone();
        if (c.Length == 0 || k == 0) return c;
        Multiply(a, ta, b, tb, m, n, k, c, one, addend is null ? default : one);
        return c;
    }

    /// <summary>
    /// C = op(A)·op(B) written into <paramref name="c"/>, for row-major buffers of exactly m×k (A after op), k×n
    /// (B after op) and m×n elements: a product into a scratch buffer the caller owns.
    /// </summary>
    public static void Product<T>(T[] a, bool transposeA, T[] b, bool transposeB, int m, int n, int k, T[] c) where T : unmanaged, INumberBase<T>
    {
        if (c.Length == 0) return;
        if (k == 0) c.AsSpan().Clear();
        else Multiply(a, transposeA, b, transposeB, m, n, k, c, T.One, T.Zero);
    }

    // C = α·op(A)·op(B) + β·C; T is float or double (the casts cost nothing once the JIT knows T).
    static void Multiply<T>(T[] a, bool ta, T[] b, bool tb, int m, int n, int k, T[] c, T alpha, T beta) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            Providers.Provider.Gemm.Multiply(ta, tb, m, n, k, (float)(object)alpha, (float[])(object)a, (float[])(object)b, (float)(object)beta, (float[])(object)c);
        else
            Providers.Provider.Gemm.Multiply(ta, tb, m, n, k, (double)(object)alpha, (double[])(object)a, (double[])(object)b, (double)(object)beta, (double[])(object)c);
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

    static T[] Batched<T>(T[] a, T[] b, int batch, int m, int k, int n) where T : unmanaged, INumberBase<T>
    {
        var c = new T[batch * m * n];
        if (c.Length == 0 || k == 0) return c;
        // The GEMM interface takes whole arrays, so each matrix of the stack is copied out and back.
        var (ai, bi, ci) = (new T[m * k], new T[k * n], new T[m * n]);
        for (var i = 0; i < batch; i++)
        {
            System.Array.Copy(a, i * m * k, ai, 0, ai.Length);
            System.Array.Copy(b, i * k * n, bi, 0, bi.Length);
            Multiply(ai, false, bi, false, m, n, k, ci, T.One, T.Zero);
            System.Array.Copy(ci, 0, c, i * m * n, ci.Length);
        }
        return c;
    }
}
