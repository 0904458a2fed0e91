namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// Convolution's VJPs are built from differentiable ops, so with CreateGraph its gradients can be differentiated
/// again: for s₂ = ⟨a, ∂s/∂x⟩ + ⟨c, ∂s/∂w⟩ with s = ⟨v, conv(x, w, b)⟩, the backward of the recorded backward must
/// match central differences of s₂ (each s₂ from a plain first backward) along random directions of x and w.
/// x̄ = col2im(Ȳᵀ·W) carries the w-dependence and W̄ = Ȳ·im2col(X) the x-dependence, so both paths are exercised.
/// </summary>
public sealed class ConvolutionSecondOrder
{
    static readonly Gen<(Sample X, Sample W, Sample B, int Stride, int Padding, int Seed)> Cases =
        from g in Generators.ConvolutionGeometries
        from x in Generators.Samples(g.X)
        from w in Generators.Samples(g.W)
        from b in Generators.Samples(g.B)
        from seed in Generators.Seeds
        select (x, w, b, g.Stride, g.Padding, seed);

    [Property(MaxTest = 150)]
    public Property Differentiating_the_recorded_gradients_matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), t =>
        {
            var random = new Random(t.Seed);
            var outputShape = Autodiff.Eval(Convolution.Apply(t.X.Constant(), t.W.Constant(), t.B.Constant(), t.Stride, t.Padding)).Shape;
            var v = Dyadic(random, outputShape.Numel);
            var (a, c) = (Dyadic(random, t.X.Shape.Numel), Dyadic(random, t.W.Shape.Numel));
            var (ux, uw) = (Dyadic(random, t.X.Shape.Numel), Dyadic(random, t.W.Shape.Numel));

            // Analytic: backward of the recorded backward.
            var (x, w) = (t.X.Leaf(), t.W.Leaf());
            var y = Autodiff.Eval(Convolution.Apply(x, w, t.B.Constant(), t.Stride, t.Padding));
            var first = Autodiff.Gradients(y, Constant(v, y.Shape), new BackwardOptions(CreateGraph: true));
            var (gx, gw) = (first.GradOf(x), first.GradOf(w));
            var s2 = Autodiff.Eval(
                from px in Mul.Apply(gx, Constant(a, gx.Shape))
                from sx in Sum.Apply(px)
                from pw in Mul.Apply(gw, Constant(c, gw.Shape))
                from sw in Sum.Apply(pw)
                from s in Add.Apply(sx, sw)
                select s);
            var second = Autodiff.Gradients(s2, Autodiff.Ones(s2));
            var analytic = Dot(second.GradOf(x).Value.ToDoubles(), ux) + Dot(second.GradOf(w).Value.ToDoubles(), uw);

            // Numeric: s₂ is bilinear in (x, w), so central differences are exact up to rounding.
            const double epsilon = Gradcheck.Epsilon;
            var plus = S2(t.X.Shifted(epsilon, ux), t.W.Shifted(epsilon, uw));
            var minus = S2(t.X.Shifted(-epsilon, ux), t.W.Shifted(-epsilon, uw));
            var numeric = (plus - minus) / (2 * epsilon);
            var tolerance = 1e-7 + 1e-8 * (Math.Abs(plus) + Math.Abs(minus)) + 1e-6 * Math.Max(Math.Abs(numeric), Math.Abs(analytic));
            Assert.True(Math.Abs(numeric - analytic) <= tolerance,
                $"backward of backward gives {analytic:R}, central differences give {numeric:R} (tolerance {tolerance:E2})");

            double S2(Sample xs, Sample ws)
            {
                var (x1, w1) = (xs.Leaf(), ws.Leaf());
                var y1 = Autodiff.Eval(Convolution.Apply(x1, w1, t.B.Constant(), t.Stride, t.Padding));
                var g = Autodiff.Gradients(y1, Constant(v, y1.Shape));
                return Dot(g.GradOf(x1).Value.ToDoubles(), a) + Dot(g.GradOf(w1).Value.ToDoubles(), c);
            }
        });

    static Expr Constant(double[] values, Shape shape) => Expr.Constant(NdArray.From(values, shape, DType.Float64));

    // Multiples of 1/256 in [−1, 1], as Gradcheck draws them.
    static double[] Dyadic(Random random, int n) => Enumerable.Range(0, n).Select(_ => random.Next(-256, 257) / 256.0).ToArray();

    static double Dot(double[] p, double[] q) => p.Zip(q, (l, r) => l * r).Sum();
}
