namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Convolution's two backward paths and the linear pair behind them, over the geometries of
/// <see cref="Generators.ConvolutionGeometries"/>. A plain backward takes the fused kernels, a recorded one
/// (CreateGraph) the differentiable ops, and they must agree; col2im is the adjoint of im2col entry for entry.
/// (Each op's VJP and JVP against central differences are rows of <see cref="GradcheckTable"/>.)
/// </summary>
public sealed class ConvolutionBackward
{
    static readonly Gen<WindowCase> Cases =
        from g in Generators.ConvolutionGeometries
        from x in Generators.Samples(g.X)
        from w in Generators.Samples(g.W)
        from b in Generators.Samples(g.B)
        from seed in Generators.Seeds
        select new WindowCase(new Case([x, w, b], seed), g.Stride, g.Padding);

    [Property]
    public Property A_recorded_backward_gives_the_fused_backward_s_gradients() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var leaves = c.Case.Inputs.Select(s => s.Leaf()).ToArray();
            var y = Autodiff.Eval(Convolution.Apply(leaves[0], leaves[1], leaves[2], c.Stride, c.Padding));
            var random = new Random(c.Case.Seed);
            var seed = Expr.Constant(NdArray.From(Enumerable.Range(0, y.Shape.Numel).Select(_ => random.Next(-256, 257) / 256.0).ToArray(), y.Shape, y.DType));
            var fused = Autodiff.Gradients(y, seed, new BackwardOptions(RetainGraph: true));
            var recorded = Autodiff.Gradients(y, seed, new BackwardOptions(CreateGraph: true));
            // x̄ depends on w and w̄ on x, so both are recorded; b̄ = Σ ȳ depends on neither.
            Assert.NotNull(recorded.GradOf(leaves[0]).Node);
            Assert.NotNull(recorded.GradOf(leaves[1]).Node);
            foreach (var leaf in leaves)
            {
                var (f, r) = (fused.GradOf(leaf), recorded.GradOf(leaf));
                Assert.Null(f.Node);
                Assert.Equal(f.Shape, r.Shape);
                foreach (var (a, b) in f.Value.ToDoubles().Zip(r.Value.ToDoubles()))
                    Assert.True(Math.Abs(a - b) <= 1e-12 * (1 + Math.Abs(a)), $"fused {a:R}, recorded {b:R}");
            }
        });

    /// <summary>⟨col2im(c), x⟩ = ⟨c, im2col(x)⟩ exactly for dyadic values: the two kernels are adjoint, entry for entry.</summary>
    [Property]
    public Property Col2Im_is_the_adjoint_of_im2col() =>
        Prop.ForAll((
            from g in Generators.ConvolutionGeometries
            from c in Generators.DyadicSamples(Shape.Of(Generators.Im2ColRows(g.X, g.W[2], g.W[3], g.Stride, g.Padding), g.W[1] * g.W[2] * g.W[3]))
            from x in Generators.DyadicSamples(g.X)
            select (g, c, x)).ToArbitrary(), t =>
        {
            var (g, c, x) = t;
            var folded = Autodiff.Eval(Col2Im.Apply(c.Constant(), g.X, g.W[2], g.W[3], g.Stride, g.Padding)).Value.ToDoubles();
            var unfolded = Autodiff.Eval(Im2Col.Apply(x.Constant(), g.W[2], g.W[3], g.Stride, g.Padding)).Value.ToDoubles();
            Assert.Equal(folded.Zip(x.Values, (a, b) => a * b).Sum(), unfolded.Zip(c.Values, (a, b) => a * b).Sum());
        });
}
