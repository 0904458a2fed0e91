namespace Nabla.Examples;

/// <summary>
/// Every member of ../shared/API.md's "Tensor vocabulary" block called as that block spells it (names, parameter
/// names, defaults), so a rename or a changed default fails to compile here before it breaks a user's code.
/// </summary>
public sealed class ApiVocabularyTests
{
    [Fact]
    public void The_vocabulary_block_compiles_as_API_md_writes_it()
    {
        Assert.Equal(3, (int)DType.Bool);
        Tensor.ManualSeed(seed: 1);
        var r = Tensor.Randn(shape: [2, 3], requiresGrad: false, dtype: null);
        var u = Tensor.Rand([2, 3]);
        var b = Tensor.From(data: [true, false], shape: null);
        var a1 = Tensor.Arange(start: 0L, end: 5L, step: 1L);
        var a2 = Tensor.Arange(start: 0.0, end: 1.0, step: 0.25, dtype: null);
        var l = Tensor.Linspace(start: 0, end: 1, steps: 5, dtype: null);
        Tensor[] likes = [Tensor.ZerosLike(t: r, requiresGrad: false), Tensor.OnesLike(r), Tensor.FullLike(r, 2.0), Tensor.RandnLike(r), Tensor.RandLike(r)];
        var c = Tensor.Cat(tensors: [r, u], dim: 0);
        var s = Tensor.Stack(tensors: [r, u], dim: 0);
        var w = Tensor.Where(condition: r.Gt(0), x: r, y: u);
        var w2 = Tensor.Where(r.Gt(0), r, 0.0);
        var mn = Tensor.Minimum(a: r, b: u);
        var mx = Tensor.Maximum(r, u);
        var m = Tensor.Randn([3, 3]);
        var tl = Tensor.Tril(t: m, diagonal: 0);
        var tu = Tensor.Triu(m, 1);
        var (tl2, tu2) = (m.Tril(-1), m.Triu(1));
        var d = Tensor.Diag(v: Tensor.Ones([3]));
        var e = Tensor.Einsum("ij,jk->ik", m, m);
        long[] ints = a1.ToInt64Array();
        Tensor[] indexed = [m[0], m[^1], m[1..3], m[.., 0], m[TensorIndex.Ellipsis, 1], m[TensorIndex.NewAxis, 0], m[Tensor.From([0L, 2L])], m[m.Gt(0)]];
        var n = m.Narrow(dim: 0, start: 1, length: 2);
        var isel = m.IndexSelect(dim: 1, index: Tensor.From([0L]));
        var g = m.Gather(dim: 1, index: Tensor.From([0L, 1, 2], [3, 1]));
        var sa = m.ScatterAdd(dim: 0, index: Tensor.From([0L, 1, 2], [1, 3]), source: Tensor.Ones([1, 3]));
        Tensor[][] parts = [m.Split(splitSize: 2, dim: 0), m.Split(sizes: [1, 2], dim: 0), m.Chunk(chunks: 2, dim: 0), m.Unbind(dim: 0)];
        Tensor[] shaped = [m.Permute(1, 0), Tensor.Ones([3]).Expand(2, 3), m.View(9), m.Flatten(startDim: 0, endDim: -1),
                           m.Flatten().Unflatten(dim: 0, sizes: [3, 3]), m.Repeat(2, 1), m.Reshape(1, 3, 3).Squeeze(), m.Flip(0)];
        Tensor[] logic = [m.Eq(m), m.Eq(0.0), m.Ne(m), m.Lt(0.0), m.Le(m), m.Gt(0.0), m.Ge(m), b.LogicalNot(), b.LogicalAnd(b), b.LogicalOr(b),
                          b.Any(), b.All(), m.MaskedFill(mask: m.Gt(0), value: 0.0), m.Clamp(min: -1, max: 1), m.ClampMin(0), m.ClampMax(0)];
        var (values, indices) = m.Max(dim: 1, keepDim: false);
        var (minValues, minIndices) = m.Min(dim: 1, keepDim: true);
        Tensor[] reduced = [m.Min(), m.ArgMin(dim: 0), m.Sum(dims: [0, 1], keepDim: false), m.Mean(dims: [0], keepDim: true), m.Prod(),
                            m.Prod(dim: 0, keepDim: false), m.Norm(p: 2), m.Norm(p: 1, dim: 0, keepDim: false), m.Var(dim: null, correction: 1, keepDim: false),
                            m.Std(dim: 0, correction: 0, keepDim: true), m.LogSumExp(dim: 1, keepDim: false), m.Cumsum(dim: 0)];
        var p = m.Abs() + 0.5;
        Tensor[] elementwise = [p.Log1p(), p.Expm1(), p.Erf(), p.Tan(), p.Atan(), (p * 0.1).Asin(), (p * 0.1).Acos(), p.Sinh(), p.Cosh(), p.Rsqrt(),
                                p.Square(), p.Reciprocal(), p.Atan2(other: p), p.Sign(), p.Floor(), p.Ceil(), p.Round()];
        Tensor[] matrices = [m.Diagonal(offset: 0, dim1: 0, dim2: 1), m.Trace(), Tensor.Ones([3]).Outer(other: Tensor.Ones([2]))];
        Assert.Equal([3, 2], Tensor.Ones([3]).Outer(Tensor.Ones([2])).Shape);
        Assert.Equal([4, 3], c.Shape);
        Assert.Equal([2, 2, 3], s.Shape);
        Assert.Equal(5, ints.Length);
        Assert.Equal([[3], [3], [2, 3], [3], [3], [1, 3], [2, 3]], indexed[..7].Select(t => t.Shape));
        Assert.Equal(DType.Bool, logic[0].DType);
        Assert.Equal([2, 2, 2, 3], parts.Select(ps => ps.Length));
        Assert.Equal([[2, 3], [2, 3], [2, 3], [2, 3]], new[] { w, w2, mn, mx }.Select(t => t.Shape));
        Assert.Equal([3], d.Shape[..1]);
        Assert.Equal(DType.Int64, indices.DType);
    }
}
