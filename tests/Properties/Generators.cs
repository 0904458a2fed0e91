namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Generators of shapes, broadcasting shape pairs and well-conditioned Float64 values.</summary>
internal static class Generators
{
    /// <summary>Shapes of rank <paramref name="minRank"/>..<paramref name="maxRank"/> with sizes 1..4.</summary>
    public static Gen<Shape> Shapes(int minRank = 0, int maxRank = 3) =>
        from rank in Gen.Choose(minRank, maxRank)
        from dims in Gen.ArrayOf(Gen.Choose(1, 4), rank)
        select Shape.Of(dims);

    /// <summary>
    /// A shape that broadcasts to <paramref name="full"/>: usually all of it, sometimes with leading dims dropped,
    /// each remaining dim set to 1 now and then.
    /// </summary>
    public static Gen<Shape> BroadcastingTo(Shape full) =>
        from drop in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, full.Rank)))
        from ones in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))), full.Rank - drop)
        select Shape.Of(full.ToArray()[drop..].Select((d, i) => ones[i] ? 1 : d).ToArray());

    /// <summary>Two shapes that broadcast together (each derived from a common full shape).</summary>
    public static Gen<(Shape A, Shape B)> BroadcastPairs =>
        from full in Shapes()
        from a in BroadcastingTo(full)
        from b in BroadcastingTo(full)
        select (a, b);

    /// <summary>Doubles spread evenly over [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1 << 30).Select(k => lo + (hi - lo) * k / (1 << 30));

    /// <summary>A Float64 sample of <paramref name="shape"/> with values in [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static Gen<Sample> Samples(Shape shape, double lo = -2, double hi = 2) =>
        Gen.ArrayOf(Uniform(lo, hi), shape.Numel).Select(v => new Sample(shape, v));

    /// <summary>A Float64 sample whose values have magnitude in [<paramref name="lo"/>, <paramref name="hi"/>] and either sign (kinks at 0 stay out of reach).</summary>
    public static Gen<Sample> SignedSamples(Shape shape, double lo, double hi) =>
        Gen.ArrayOf(from m in Uniform(lo, hi) from negative in Gen.Elements(false, true) select negative ? -m : m, shape.Numel)
           .Select(v => new Sample(shape, v));

    /// <summary>A sample of values k/256 in [−2, 2]: exact in Float32, and so are small dyadic shifts of them.</summary>
    public static Gen<Sample> DyadicSamples(Shape shape) =>
        Gen.ArrayOf(Gen.Choose(-512, 512).Select(k => k / 256.0), shape.Numel).Select(v => new Sample(shape, v));

    /// <summary>
    /// conv2d geometries: input [N,C,H,W] (or [C,H,W], a quarter of the time), weight [O,C,kh,kw] and bias [O] shapes
    /// with sizes 1–5, kernels 1–3 (not necessarily square), strides 1–2 and padding 0–2, the kernel fitting the padded input.
    /// </summary>
    public static readonly Gen<(Shape X, Shape W, Shape B, int Stride, int Padding)> ConvolutionGeometries =
        from batched in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from n in Gen.Choose(1, 2)
        from c in Gen.Choose(1, 3)
        from o in Gen.Choose(1, 3)
        from kh in Gen.Choose(1, 3)
        from kw in Gen.Choose(1, 3)
        from stride in Gen.Choose(1, 2)
        from padding in Gen.Choose(0, 2)
        from h in Gen.Choose(Math.Max(1, kh - 2 * padding), 5)
        from w in Gen.Choose(Math.Max(1, kw - 2 * padding), 5)
        select (batched ? Shape.Of(n, c, h, w) : Shape.Of(c, h, w), Shape.Of(o, c, kh, kw), Shape.Of(o), stride, padding);

    /// <summary>The rows of im2col's output for <paramref name="image"/>: N·Ho·Wo, N = 1 for an unbatched [C,H,W] image.</summary>
    public static int Im2ColRows(Shape image, int kh, int kw, int stride, int padding)
    {
        var (n, h, w) = image.Rank == 4 ? (image[0], image[2], image[3]) : (1, image[1], image[2]);
        return n * ((h + 2 * padding - kh) / stride + 1) * ((w + 2 * padding - kw) / stride + 1);
    }

    /// <summary>Stacks of matrices A [batch,m,k] and B [batch,k,n], batch in 1..3, m, k and n in 1..4.</summary>
    public static Gen<(Sample A, Sample B)> BatchedMatrices =>
        from batch in Gen.Choose(1, 3)
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from a in Samples(Shape.Of(batch, m, k))
        from b in Samples(Shape.Of(batch, k, n))
        select (a, b);

    /// <summary>
    /// torch.matmul's operands of rank 1 to 4: each a vector [k] or a stack [...batch, m, k] / [...batch, k, n], the
    /// batches broadcasting to <c>Batch</c>; m, k and n in 1..their maximum.
    /// </summary>
    public static Gen<(Sample A, Sample B, int M, int K, int N, Shape Batch)> MatMulOperands(int maxM, int maxK, int maxN) =>
        from batch in Shapes(0, 2)
        from batchA in BroadcastingTo(batch)
        from batchB in BroadcastingTo(batch)
        from m in Gen.Choose(1, maxM)
        from k in Gen.Choose(1, maxK)
        from n in Gen.Choose(1, maxN)
        from vectorA in Gen.Elements(false, true)
        from vectorB in Gen.Elements(false, true)
        from a in Samples(vectorA ? Shape.Of(k) : Shape.Of([.. batchA.ToArray(), m, k]))
        from b in Samples(vectorB ? Shape.Of(k) : Shape.Of([.. batchB.ToArray(), k, n]))
        select (a, b, m, k, n, batch);

    /// <summary>Seeds for the cotangent and directions a finite-difference check draws.</summary>
    public static Gen<int> Seeds => Gen.Choose(0, int.MaxValue - 1);

    /// <summary>One Float64 input of a random shape in [lo, hi].</summary>
    public static Gen<Case> UnaryCases(double lo = -2, double hi = 2) =>
        from shape in Shapes()
        from x in Samples(shape, lo, hi)
        from seed in Seeds
        select new Case([x], seed);

    /// <summary>One Float64 input of a random shape with magnitudes in [lo, hi] and either sign.</summary>
    public static Gen<Case> SignedCases(double lo, double hi) =>
        from shape in Shapes()
        from x in SignedSamples(shape, lo, hi)
        from seed in Seeds
        select new Case([x], seed);

    /// <summary>Two Float64 inputs of broadcasting shapes, in [loA, hiA] and [loB, hiB].</summary>
    public static Gen<Case> BinaryCases(double loA = -2, double hiA = 2, double loB = -2, double hiB = 2) =>
        from shapes in BroadcastPairs
        from a in Samples(shapes.A, loA, hiA)
        from b in Samples(shapes.B, loB, hiB)
        from seed in Seeds
        select new Case([a, b], seed);

    /// <summary>A dimension index valid for <paramref name="shape"/>, negative ones included (PyTorch allows [−1, 0] for a scalar).</summary>
    public static Gen<int> Dims(Shape shape) =>
        Gen.Choose(-Math.Max(shape.Rank, 1), Math.Max(shape.Rank, 1) - 1);
}
