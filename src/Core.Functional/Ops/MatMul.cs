using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// torch.matmul, composed from the primitives <see cref="Dot"/>, <see cref="Mv"/>, <see cref="Mm"/> and <see cref="Bmm"/>
/// with reshapes and broadcasting of batch dimensions, so it needs no derivative rule of its own.
/// </summary>
public static class MatMul
{
    static readonly Reshape UnsafeView = new("UnsafeViewBackward0"), SqueezeLeft = new("SqueezeBackward3");

    /// <summary>
    /// 1-D·1-D: dot product; 2-D·1-D: matrix-vector; 1-D·2-D: vector-matrix; 2-D·2-D: matrix product; otherwise a
    /// batched product over the leading dimensions, which broadcast (a 1-D operand gets a dimension added and removed).
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b)
    {
        var (ra, rb) = (a.Shape.Rank, b.Shape.Rank);
        if (ra == 0 || rb == 0)
            return _ => throw new ArgumentException(
                $"matmul: both arguments to matmul need to be at least 1D, but they are {ra}D and {rb}D (shapes {a.Shape} and {b.Shape})");
        // The contracted sizes: the last of a, and the only (vector) or second-to-last of b.
        int k = a.Shape[ra - 1], kb = b.Shape[Math.Max(0, rb - 2)];
        if (k != kb)
            return _ => throw new ArgumentException(
                $"matmul: shapes {a.Shape} and {b.Shape} cannot be multiplied ({k} and {kb} elements are contracted)");
        // PyTorch's words: matmul does not promote mixed dtypes.
        if (a.DType != b.DType)
            return _ => throw new ArgumentException(ra == 1 && rb == 1
                ? $"dot : expected both vectors to have same dtype, but found {a.DType.ScalarTypeName()} and {b.DType.ScalarTypeName()}"
                : $"expected scalar type {a.DType.ScalarTypeName()} but found {b.DType.ScalarTypeName()}");
        return (ra, rb) switch
        {
            (1, 1) => Dot.Apply(a, b),
            (2, 1) => Mv.Apply(a, b),
            (1, 2) => from a2 in Reshape.Unsqueeze(a, 0)
                      from y in Mm.Apply(a2, b)
                      from r in Reshape.As(SqueezeLeft, y, Shape.Of(b.Shape[1]))
                      select r,
            (2, 2) => Mm.Apply(a, b),
            (_, 1) => Folded(a, b),
            (_, 2) => Folded(a, b),
            _ => Batched(a, b),
        };
    }

    // [..., m, k] times a matrix or vector: one product over all leading rows, then the leading shape back.
    static Reader<GradEnv, Expr> Folded(Expr a, Expr b)
    {
        var k = a.Shape[a.Shape.Rank - 1];
        var lead = a.Shape.ToArray()[..^1];
        var outShape = Shape.Of(b.Shape.Rank == 1 ? lead : [.. lead, b.Shape[1]]);
        // The rows folded into one matrix (not numel / k, which is 0 for k = 0). An empty result of an empty operand may
        // have leading sizes whose product exceeds an int ([2²⁰, 2²⁰, 0] times [0, 0]); any count of rows gives it.
        var rows = a.Shape.Numel == 0 && outShape.Numel == 0 ? 0 : Shape.Of(lead).Numel;
        return from flat in Reshape.Apply(a, Shape.Of(rows, k))
               from y in b.Shape.Rank == 1 ? Mv.Apply(flat, b) : Mm.Apply(flat, b)
               from r in Reshape.As(UnsafeView, y, outShape)
               select r;
    }

    // Both operands stacked: broadcast the batch dimensions, flatten them into one, bmm, and unflatten.
    static Reader<GradEnv, Expr> Batched(Expr a, Expr b)
    {
        var vecA = a.Shape.Rank == 1;
        var (sa, sb) = (vecA ? a.Shape.Insert(0) : a.Shape, b.Shape);
        int m = sa[sa.Rank - 2], k = sa[sa.Rank - 1], n = sb[sb.Rank - 1];
        var (batchA, batchB) = (Shape.Of(sa.ToArray()[..^2]), Shape.Of(sb.ToArray()[..^2]));
        if (!Shape.TryBroadcast(batchA, batchB, out var batch, out _))
            return _ => throw new ArgumentException(
                $"matmul: the batch dimensions of shapes {a.Shape} and {b.Shape} cannot be broadcast together ({batchA} and {batchB})");
        var count = batch.Numel;
        int[] outDims = vecA ? [.. batch.ToArray(), n] : [.. batch.ToArray(), m, n];
        return from a1 in vecA ? Reshape.Unsqueeze(a, 0) : Pure(a)
               from ae in Expand.Apply(a1, Shape.Of([.. batch.ToArray(), m, k]))
               from be in Expand.Apply(b, Shape.Of([.. batch.ToArray(), k, n]))
               from a3 in Reshape.Apply(ae, Shape.Of(count, m, k))
               from b3 in Reshape.Apply(be, Shape.Of(count, k, n))
               from y in Bmm.Apply(a3, b3)
               from r in Reshape.As(UnsafeView, y, Shape.Of(outDims))
               select r;
    }
}
