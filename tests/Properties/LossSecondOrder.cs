namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// Loss gradients taken with CreateGraph are differentiable again, as <see cref="SecondOrder"/> checks for elementwise
/// functions: against the analytic Hessian for cross-entropy and MSE, and against central differences of the
/// gradient for every loss whose gradient depends on its inputs.
/// </summary>
public sealed class LossSecondOrder
{
    /// <summary>
    /// Cross-entropy's Hessian is block diagonal, one block (diag(p) − ppᵀ)/N per row with p = softmax of the row, so
    /// differentiating ⟨v, ∇ₓ⟩ gives p ⊙ (v − ⟨p, v⟩)/N row by row.
    /// </summary>
    [Property]
    public Property CrossEntropy_hessian_vector_products_are_analytic() =>
        Prop.ForAll(ClassTargets.Cases(-4, 4).ToArbitrary(), t =>
        {
            var sample = t.Case.Inputs[0];
            var x = sample.Leaf();
            var v = Cotangent(new Random(t.Case.Seed), sample.Shape);
            var g = RecordedGradient(CrossEntropy.Apply(x, t.Targets.Constant()), x);
            var hv = Autodiff.Gradients(g, Expr.Constant(NdArray.From(v, sample.Shape, DType.Float64))).GradOf(x).Value.ToDoubles();

            var classes = sample.Shape[sample.Shape.Rank - 1];
            var rows = sample.Values.Length / classes;
            for (var r = 0; r < rows; r++)
            {
                var row = sample.Values.AsSpan(r * classes, classes);
                var max = row.ToArray().Max();
                var p = row.ToArray().Select(z => Math.Exp(z - max)).ToArray();
                var total = p.Sum();
                for (var j = 0; j < classes; j++) p[j] /= total;
                var pv = Enumerable.Range(0, classes).Sum(j => p[j] * v[r * classes + j]);
                for (var j = 0; j < classes; j++)
                {
                    var expected = p[j] * (v[r * classes + j] - pv) / rows;
                    var actual = hv[r * classes + j];
                    Assert.True(Math.Abs(actual - expected) <= 1e-12 * (1 + Math.Abs(expected)),
                        $"(Hv)[{r}, {j}] = {expected:R} analytically, backward of backward gives {actual:R}");
                }
            }
        });

    /// <summary>∇ₓ MSE = 2(x − t)/n, so differentiating ⟨v, ∇ₓ⟩ gives 2v/n for x and −2v/n for t.</summary>
    [Property]
    public Property MseLoss_second_derivatives_are_plus_and_minus_two_over_n() =>
        Prop.ForAll(MseCases.ToArbitrary(), c =>
        {
            var (x, t) = (c.Inputs[0].Leaf(), c.Inputs[1].Leaf());
            var v = Cotangent(new Random(c.Seed), x.Shape);
            var g = RecordedGradient(MseLoss.Apply(x, t), x);
            var grads = Autodiff.Gradients(g, Expr.Constant(NdArray.From(v, x.Shape, DType.Float64)));
            var n = x.Shape.Numel;
            Near(v.Select(z => 2 * z / n).ToArray(), grads.GradOf(x).Value.ToDoubles());
            Near(v.Select(z => -2 * z / n).ToArray(), grads.GradOf(t).Value.ToDoubles());
        });

    /// <summary>The gradient of one input of a loss, recorded, as a function of the inputs it depends on.</summary>
    internal sealed record Trial(string Name, Case Case, Func<Expr[], Reader<GradEnv, Expr>> Gradient)
    {
        public override string ToString() => $"{Name} at {Case}";
    }

    static readonly Gen<Case> MseCases =
        from shape in Generators.Shapes()
        from x in Generators.Samples(shape)
        from t in Generators.Samples(shape)
        from seed in Generators.Seeds
        select new Case([x, t], seed);

    // ∂/∂t of binary cross-entropy, −x/n, does not depend on t: that trial varies x only, with t a constant.
    static readonly Gen<Trial> Trials = Gen.OneOf(
        from t in ClassTargets.Cases(-4, 4)
        select new Trial("∂cross_entropy/∂x", t.Case, xs => GradientOf(a => CrossEntropy.Apply(a[0], t.Targets.Constant()), xs, 0)),
        from c in MseCases
        from input in Gen.Choose(0, 1)
        select new Trial($"∂mse_loss/∂input {input}", c, xs => GradientOf(a => MseLoss.Apply(a[0], a[1]), xs, input)),
        from shape in Generators.Shapes()
        from x in Generators.Samples(shape, -4, 4)
        from t in Generators.Samples(shape, 0, 1)
        from seed in Generators.Seeds
        from input in Gen.Choose(0, 1)
        select input == 0
            ? new Trial("∂binary_cross_entropy_with_logits/∂x", new Case([x, t], seed),
                        xs => GradientOf(a => BinaryCrossEntropyWithLogits.Apply(a[0], a[1]), xs, 0))
            : new Trial($"∂binary_cross_entropy_with_logits/∂t with t = {t}", new Case([x], seed),
                        xs => GradientOf(a => BinaryCrossEntropyWithLogits.Apply(a[0], a[1]), [xs[0], t.Constant()], 1)));

    /// <summary>A recorded gradient's VJP (the double backward) matches central differences of the gradient.</summary>
    [Property]
    public Property Recorded_gradients_match_central_differences() =>
        Prop.ForAll(Trials.ToArbitrary(), t => Gradcheck.Verify(t.Gradient, t.Case));

    // ∂loss/∂xs[input] with the backward recorded, so it can be differentiated again. A constant input (at the points
    // the finite differences shift, or when the check leaves it constant) becomes a fresh leaf, so it has a gradient.
    static Reader<GradEnv, Expr> GradientOf(Func<Expr[], Reader<GradEnv, Expr>> loss, Expr[] xs, int input) =>
        env =>
        {
            var args = xs.Select((x, i) => i == input && !x.RequiresGrad ? Expr.Leaf(x.Value) : x).ToArray();
            var y = loss(args)(env).Unwrap();
            var options = new BackwardOptions(CreateGraph: true, Targets: Prelude.Seq1(args[input].Node!));
            var grads = Backprop.Gradients(Prelude.Seq1((y, Autodiff.Ones(y))), options)(env).Unwrap();
            return ReaderResult<Expr>.New(grads[args[input].Node!]);
        };

    // ∂y/∂x with CreateGraph, checked to be recorded.
    static Expr RecordedGradient(Reader<GradEnv, Expr> loss, Expr x)
    {
        var y = Autodiff.Eval(loss);
        var g = Autodiff.Gradients(y, Autodiff.Ones(y), new BackwardOptions(CreateGraph: true)).GradOf(x);
        Assert.NotNull(g.Node);
        return g;
    }

    // Equal up to the rounding of 2/n (the rule scales by ȳ / (n/2)).
    static void Near(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-15 * (1 + Math.Abs(expected[i])),
                $"element {i}: {expected[i]:R} analytically, backward of backward gives {actual[i]:R}");
    }

    // Multiples of 1/256 in [−1, 1].
    static double[] Cotangent(Random random, Shape shape) =>
        Enumerable.Range(0, shape.Numel).Select(_ => random.Next(-256, 257) / 256.0).ToArray();
}
