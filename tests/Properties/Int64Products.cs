namespace Nabla.Properties;

using FsCheck.Xunit;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// Int64 matrix products against the schoolbook sum in unchecked longs. Random 64-bit values make nearly every product
/// wrap; wrapping arithmetic is exact modulo 2⁶⁴ (the ring PyTorch's int64 matmul computes in), so any summation order
/// must give these bits exactly.
/// </summary>
public sealed class Int64Products
{
    static readonly Gen<long> Longs =
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)hi << 32) | (uint)lo;

    // C = op(A)·op(B) for row-major A [m,k] and B [k,n] (after op), in wrapping longs.
    static long[] Schoolbook(long[] a, long[] b, int m, int k, int n)
    {
        var c = new long[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                for (var p = 0; p < k; p++) c[i * n + j] += a[i * k + p] * b[p * n + j];
        return c;
    }

    static long[] Transposed(long[] x, int rows, int cols) =>
        Enumerable.Range(0, rows * cols).Select(i => x[i % rows * cols + i / rows]).ToArray();

    static NdArray Run(Reader<GradEnv, Expr> op) => op.Run(GradEnv.Default).Unwrap().Value;

    [Property]
    public Property Mm_of_int64_reads_either_operand_transposed_and_wraps_exactly() =>
        Prop.ForAll(
            (from m in Gen.Choose(0, 6)
             from k in Gen.Choose(0, 9)
             from n in Gen.Choose(0, 21)   // past one Vector<long> on every width, with a scalar tail
             from a in Gen.ArrayOf(Longs, m * k)
             from b in Gen.ArrayOf(Longs, k * n)
             from ta in Gen.Elements(false, true)
             from tb in Gen.Elements(false, true)
             select (m, k, n, a, b, ta, tb)).ToArbitrary(),
            c =>
            {
                var (m, k, n, a, b, ta, tb) = c;
                // op(A) = A when A is stored as its transpose [k, m] and read transposed; likewise B from [n, k].
                var ea = Expr.Constant(NdArray.From(ta ? Transposed(a, m, k) : a, ta ? Shape.Of(k, m) : Shape.Of(m, k)));
                var eb = Expr.Constant(NdArray.From(tb ? Transposed(b, k, n) : b, tb ? Shape.Of(n, k) : Shape.Of(k, n)));
                var y = Run(Mm.Apply(ea, eb, ta, tb));
                Assert.Equal(DType.Int64, y.DType);
                Assert.Equal(Schoolbook(a, b, m, k, n), y.Span<long>().ToArray());
            });

    [Property]
    public Property MatMul_of_int64_stacks_vectors_and_matrices_wraps_exactly() =>
        Prop.ForAll(
            (from batch in Gen.Choose(1, 3)
             from m in Gen.Choose(1, 4)
             from k in Gen.Choose(1, 6)
             from n in Gen.Choose(1, 9)
             from a in Gen.ArrayOf(Longs, batch * m * k)
             from b in Gen.ArrayOf(Longs, batch * k * n)
             from v in Gen.ArrayOf(Longs, k)
             select (batch, m, k, n, a, b, v)).ToArbitrary(),
            c =>
            {
                var (batch, m, k, n, a, b, v) = c;
                var (ea, eb, ev) = (Expr.Constant(NdArray.From(a, Shape.Of(batch, m, k))), Expr.Constant(NdArray.From(b, Shape.Of(batch, k, n))),
                                    Expr.Constant(NdArray.From(v, Shape.Of(k))));
                var stack = Enumerable.Range(0, batch).SelectMany(i => Schoolbook(a[(i * m * k)..((i + 1) * m * k)], b[(i * k * n)..((i + 1) * k * n)], m, k, n));
                Assert.Equal(stack, Run(MatMul.Apply(ea, eb)).Span<long>().ToArray());                 // Bmm
                Assert.Equal(Schoolbook(a, v, batch * m, k, 1), Run(MatMul.Apply(ea, ev)).Span<long>().ToArray());   // folded Mv
                Assert.Equal(Schoolbook(v, b[..(k * n)], 1, k, n),
                             Run(MatMul.Apply(ev, Expr.Constant(NdArray.From(b[..(k * n)], Shape.Of(k, n))))).Span<long>().ToArray());
                Assert.Equal(Schoolbook(v, v, 1, k, 1), Run(MatMul.Apply(ev, ev)).Span<long>().ToArray());  // Dot
            });
}
