namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// Einsum of two operands is bilinear, so its Hessian is not zero: ∂s/∂a depends on b and ∂s/∂b on a. Its gradients
/// are recorded from the ops it is lowered to (mm, bmm, mul, sums, permutes), so with CreateGraph they can be
/// differentiated again: for s₂ = ⟨c_a, ∂s/∂a⟩ + ⟨c_b, ∂s/∂b⟩ with s = ⟨v, einsum(eq, a, b)⟩, the backward of the
/// recorded backward must match central differences of s₂ (each from a plain first backward) along random directions
/// of a and b. s₂ is linear in (a, b), so the differences are exact up to rounding.
/// </summary>
public sealed class EinsumSecondOrder
{
    static Gen<int> Size => Gen.Choose(1, 4);

    /// <summary>Equations through each lowering: mm, mm of a transposed operand, bmm, mul, a diagonal, broadcast ellipses.</summary>
    static readonly Gen<(string Equation, Sample A, Sample B, int Seed)> Cases =
        from pick in Gen.Choose(0, 5)
        from i in Size
        from j in Size
        from k in Size
        from l in Size
        let shapes = pick switch
        {
            0 => ("ij,jk->ik", Shape.Of(i, j), Shape.Of(j, k)),
            1 => ("ij,kj", Shape.Of(i, j), Shape.Of(k, j)),
            2 => ("bij,bjk->bik", Shape.Of(l, i, j), Shape.Of(l, j, k)),
            3 => ("ij,ij->i", Shape.Of(i, j), Shape.Of(i, j)),
            4 => ("iij,jk->ki", Shape.Of(i, i, j), Shape.Of(j, k)),
            _ => ("...ij,...jk->...ik", Shape.Of(l, 1, i, j), Shape.Of(k, j, i)),
        }
        from a in Generators.Samples(shapes.Item2)
        from b in Generators.Samples(shapes.Item3)
        from seed in Generators.Seeds
        select (shapes.Item1, a, b, seed);

    [Property(MaxTest = 150)]
    public Property Differentiating_the_recorded_gradients_matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), t =>
        {
            var random = new Random(t.Seed);
            var outputShape = Autodiff.Eval(Einsum.Apply(t.Equation, [t.A.Constant(), t.B.Constant()])).Shape;
            var v = Dyadic(random, outputShape.Numel);
            var (ca, cb) = (Dyadic(random, t.A.Shape.Numel), Dyadic(random, t.B.Shape.Numel));
            var (ua, ub) = (Dyadic(random, t.A.Shape.Numel), Dyadic(random, t.B.Shape.Numel));

            // Analytic: backward of the recorded backward.
            var (a, b) = (t.A.Leaf(), t.B.Leaf());
            var y = Autodiff.Eval(Einsum.Apply(t.Equation, [a, b]));
            var first = Autodiff.Gradients(y, Constant(v, y.Shape), new BackwardOptions(CreateGraph: true));
            var (ga, gb) = (first.GradOf(a), first.GradOf(b));
            var s2 = Autodiff.Eval(
                from pa in Mul.Apply(ga, Constant(ca, ga.Shape))
                from sa in Sum.Apply(pa)
                from pb in Mul.Apply(gb, Constant(cb, gb.Shape))
                from sb in Sum.Apply(pb)
                from s in Add.Apply(sa, sb)
                select s);
            var second = Autodiff.Gradients(s2, Autodiff.Ones(s2));
            var analytic = Dot(second.GradOf(a).Value.ToDoubles(), ua) + Dot(second.GradOf(b).Value.ToDoubles(), ub);

            const double epsilon = Gradcheck.Epsilon;
            var plus = S2(t.A.Shifted(epsilon, ua), t.B.Shifted(epsilon, ub));
            var minus = S2(t.A.Shifted(-epsilon, ua), t.B.Shifted(-epsilon, ub));
            var numeric = (plus - minus) / (2 * epsilon);
            var tolerance = 1e-7 + 1e-8 * (Math.Abs(plus) + Math.Abs(minus)) + 1e-6 * Math.Max(Math.Abs(numeric), Math.Abs(analytic));
            Assert.True(Math.Abs(numeric - analytic) <= tolerance,
                $"{t.Equation}: backward of backward gives {analytic:R}, central differences give {numeric:R} (tolerance {tolerance:E2})");

            double S2(Sample xs, Sample ws)
            {
                var (a1, b1) = (xs.Leaf(), ws.Leaf());
                var y1 = Autodiff.Eval(Einsum.Apply(t.Equation, [a1, b1]));
                var g = Autodiff.Gradients(y1, Constant(v, y1.Shape));
                return Dot(g.GradOf(a1).Value.ToDoubles(), ca) + Dot(g.GradOf(b1).Value.ToDoubles(), cb);
            }
        });

    [Fact]
    public void The_hessian_of_a_matrix_product_in_both_operands_is_not_zero()
    {
        // s = Σ einsum("ij,jk->ik", a, b) with a, b of ones [2,2]: ∂s/∂a[i,j] = Σ_k b[j,k], so ∂²s/∂a[i,j]∂b[j,k] = 1.
        // With c_b = 0 and c_a = e₀₀: s₂ = ∂s/∂a[0,0] = b[0,0] + b[0,1], whose gradient in b is 1 at [0,0] and [0,1].
        var ones = NdArray.Full(Shape.Of(2, 2), 1, DType.Float64);
        var (a, b) = (Expr.Leaf(ones), Expr.Leaf(ones));
        var y = Autodiff.Eval(Einsum.Apply("ij,jk->ik", [a, b]));
        var ga = Autodiff.Gradients(y, Autodiff.Ones(y), new BackwardOptions(CreateGraph: true)).GradOf(a);
        Assert.Equal([2.0, 2, 2, 2], ga.Value.ToDoubles());
        var s2 = Autodiff.Eval(from p in Mul.Apply(ga, Constant([1, 0, 0, 0], ga.Shape)) from s in Sum.Apply(p) select s);
        var second = Autodiff.Gradients(s2, Autodiff.Ones(s2));
        Assert.Equal([1.0, 1, 0, 0], second.GradOf(b).Value.ToDoubles());
    }

    static Expr Constant(double[] values, Shape shape) => Expr.Constant(NdArray.From(values, shape, DType.Float64));

    // Multiples of 1/256 in [−1, 1], as Gradcheck draws them.
    static double[] Dyadic(Random random, int n) => Enumerable.Range(0, n).Select(_ => random.Next(-256, 257) / 256.0).ToArray();

    static double Dot(double[] p, double[] q) => p.Zip(q, (l, r) => l * r).Sum();
}
