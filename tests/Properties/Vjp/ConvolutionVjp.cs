namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Y = W ⋆ X + b: X̄ = col2im(Ȳᵀ·W), W̄ = Ȳ·im2col(X), b̄ = Σ Ȳ over N, Ho, Wo, for random small shapes, kernels
/// 1–3 (not necessarily square), strides 1–2, padding 0–2, batched [N,C,H,W] and unbatched [C,H,W] inputs. A plain
/// backward takes the fused kernels; a recorded one (CreateGraph) the differentiable ops, which must agree.
/// </summary>
public sealed class ConvolutionVjp
{
    static Gen<WindowCase> Cases(bool bias) =>
        from g in Generators.ConvolutionGeometries
        from x in Generators.Samples(g.X)
        from w in Generators.Samples(g.W)
        from b in Generators.Samples(g.B)
        from seed in Generators.Seeds
        select new WindowCase(new Case(bias ? [x, w, b] : [x, w], seed), g.Stride, g.Padding);

    static void Verify(WindowCase c) =>
        Gradcheck.Verify(xs => Convolution.Apply(xs[0], xs[1], xs.Length > 2 ? xs[2] : null, c.Stride, c.Padding), c.Case);

    [Property]
    public Property With_bias_matches_central_differences() =>
        Prop.ForAll(Cases(bias: true).ToArbitrary(), Verify);

    [Property]
    public Property Without_bias_matches_central_differences() =>
        Prop.ForAll(Cases(bias: false).ToArbitrary(), Verify);

    [Property]
    public Property A_recorded_backward_gives_the_fused_backward_s_gradients() =>
        Prop.ForAll(Cases(bias: true).ToArbitrary(), c =>
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
}
