using System.Numerics;

namespace Nabla.Core.Numerics;

/// <summary>
/// Matrix products of row-major buffers through the numerics provider's GEMM (<see cref="Providers.IGemm"/>); Int64
/// products through a managed kernel of their own, exact modulo 2⁶⁴ (wrapping on overflow, as PyTorch's integer matmul).
/// </summary>
internal static class Gemm
{
    /// <summary>C = A·B for row-major A [m,k] and B [k,n]; operands already share a dtype.</summary>
    public static NdArray MatMul(NdArray a, NdArray b)
    {
        Logic.NotForBool(a, "addmm_impl_cpu_");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var shape = Shape.Of(m, n);
        if (a.DType == DType.Int64) return NdArray.Own(shape, Integer(a.Span<long>(), false, b.Span<long>(), false, m, n, k));
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
    /// C = op(A)·op(B) (+ D broadcast to C's shape, when given) for row-major 2-D operands of a shared dtype, where op
    /// transposes when asked; the transposes cost nothing (the BLAS reads the operand transposed).
    /// </summary>
    public static NdArray Product(NdArray a, bool transposeA, NdArray b, bool transposeB, NdArray? addend = null)
    {
        Logic.NotForBool(a, "addmm_impl_cpu_");
        var (m, k) = transposeA ? (a.Shape[1], a.Shape[0]) : (a.Shape[0], a.Shape[1]);
        var n = transposeB ? b.Shape[0] : b.Shape[1];
        var shape = Shape.Of(m, n);
        // The addend broadcast to C's shape is a fresh buffer the GEMM may update in place (β = 1); one that already
        // has C's shape is someone's value, so it is copied.
        var c = addend is null ? null : Layout.Expand(addend, shape);
        var fresh = c is not null && !ReferenceEquals(c, addend);
        if (a.DType == DType.Int64)
        {
            var product = Integer(a.Span<long>(), transposeA, b.Span<long>(), transposeB, m, n, k);
            if (c is not null) System.Numerics.Tensors.TensorPrimitives.Add(product, c.Span<long>(), product);
            return NdArray.Own(shape, product);
        }
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

    /// <summary>Σᵢ aᵢbᵢ for vectors of equal length and a shared dtype, 0-dimensional (floating sums by the cascade, Int64 exact and wrapping).</summary>
    public static NdArray Dot(NdArray a, NdArray b) => a.DType switch
    {
        DType.Bool => throw new ArgumentException("\"dot\" not implemented for 'Bool'"),
        DType.Float32 => NdArray.Own(Shape.Scalar, new[] { Dot(a.Span<float>(), b.Span<float>()) }),
        DType.Float64 => NdArray.Own(Shape.Scalar, new[] { Dot(a.Span<double>(), b.Span<double>()) }),
        _ => NdArray.Own(Shape.Scalar, new[] { System.Numerics.Tensors.TensorPrimitives.Dot(a.Span<long>(), b.Span<long>()) }),
    };

    static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Summation.Sum<T, Products<T>>(a.Length, new(a, b));

    readonly ref struct Products<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) : Summation.ITerms<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ReadOnlySpan<T> a = a, b = b;

        public void Write(int start, scoped Span<T> terms) =>
            System.Numerics.Tensors.TensorPrimitives.Multiply(a.Slice(start, terms.Length), b.Slice(start, terms.Length), terms);
    }

    /// <summary>C[i] = A[i]·B[i] for stacks A [batch,m,k] and B [batch,k,n] of a shared dtype.</summary>
    public static NdArray BatchMatMul(NdArray a, NdArray b) => BatchMatMul(a, false, b, false);

    /// <summary>C[i] = op(A[i])·op(B[i]), op transposing a stack's matrices when asked (the BLAS reads them so).</summary>
    public static NdArray BatchMatMul(NdArray a, bool ta, NdArray b, bool tb)
    {
        Logic.NotForBool(a, "bmm");
        if (a.DType == DType.Int64 && (ta || tb))
            return BatchMatMul(ta ? Layout.Transpose(a, 1, 2) : a, false, tb ? Layout.Transpose(b, 1, 2) : b, false);
        int batch = a.Shape[0], m = ta ? a.Shape[2] : a.Shape[1], k = ta ? a.Shape[1] : a.Shape[2], n = tb ? b.Shape[1] : b.Shape[2];
        var shape = Shape.Of(batch, m, n);
        return a.DType switch
        {
            DType.Float32 => NdArray.Own(shape, Batched(a.Buffer<float>(), ta, b.Buffer<float>(), tb, batch, m, k, n)),
            DType.Float64 => NdArray.Own(shape, Batched(a.Buffer<double>(), ta, b.Buffer<double>(), tb, batch, m, k, n)),
            _ => NdArray.Own(shape, BatchedInteger(a.Span<long>(), b.Span<long>(), batch, m, k, n)),
        };
    }

    static long[] BatchedInteger(ReadOnlySpan<long> a, ReadOnlySpan<long> b, int batch, int m, int k, int n)
    {
        var c = new long[batch * m * n];
        for (var i = 0; i < batch; i++)
            Integer(a.Slice(i * m * k, m * k), false, b.Slice(i * k * n, k * n), false, m, n, k, c.AsSpan(i * m * n, m * n));
        return c;
    }

    static long[] Integer(ReadOnlySpan<long> a, bool ta, ReadOnlySpan<long> b, bool tb, int m, int n, int k)
    {
        var c = new long[m * n];
        Integer(a, ta, b, tb, m, n, k, c);
        return c;
    }

    // C += op(A)·op(B) in Int64, row by row: row i of C gathers A[i,p]·(row p of op(B)) for each p. Integer addition and
    // multiplication wrap modulo 2⁶⁴, which is associative, so the result is exact (modulo 2⁶⁴) in any summation order.
    static void Integer(ReadOnlySpan<long> a, bool ta, ReadOnlySpan<long> b, bool tb, int m, int n, int k, Span<long> c)
    {
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (var p = 0; p < k; p++)
            {
                var aip = ta ? a[p * m + i] : a[i * k + p];
                if (aip == 0) continue;
                if (!tb) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), aip, row, row);
                else for (var j = 0; j < n; j++) row[j] += aip * b[j * k + p];
            }
        }
    }

    static T[] Batched<T>(T[] a, bool ta, T[] b, bool tb, int batch, int m, int k, int n) where T : unmanaged, INumberBase<T>
    {
        var c = new T[batch * m * n];
        if (c.Length == 0 || k == 0) return c;
        if (typeof(T) == typeof(float))
            Providers.Provider.Gemm.MultiplyBatched(ta, tb, batch, m, n, k, (float[])(object)a, (float[])(object)b, (float[])(object)c);
        else
            Providers.Provider.Gemm.MultiplyBatched(ta, tb, batch, m, n, k, (double[])(object)a, (double[])(object)b, (double[])(object)c);
        return c;
    }
}
