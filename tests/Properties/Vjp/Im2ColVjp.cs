namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// The linear pair behind convolution, each the other's VJP: im2col's x̄ = col2im(ȳ) and col2im's x̄ = im2col(ȳ),
/// over the geometries of <see cref="Generators.ConvolutionGeometries"/> (windows that overlap, skip input or reach into the padding).
/// </summary>
public sealed class Im2ColVjp
{
    static Gen<(WindowCase Case, Shape Image, int KernelH, int KernelW)> Cases(bool columns) =>
        from g in Generators.ConvolutionGeometries
        let rows = Rows(g.X, g.W[2], g.W[3], g.Stride, g.Padding)
        from x in Generators.Samples(columns ? Shape.Of(rows, g.W[1] * g.W[2] * g.W[3]) : g.X)
        from seed in Generators.Seeds
        select (new WindowCase(new Case([x], seed), g.Stride, g.Padding), g.X, g.W[2], g.W[3]);

    // N·Ho·Wo, N = 1 for an unbatched image.
    static int Rows(Shape image, int kh, int kw, int stride, int padding)
    {
        var (n, h, w) = image.Rank == 4 ? (image[0], image[2], image[3]) : (1, image[1], image[2]);
        return n * ((h + 2 * padding - kh) / stride + 1) * ((w + 2 * padding - kw) / stride + 1);
    }

    [Property]
    public Property Im2Col_matches_central_differences() =>
        Prop.ForAll(Cases(columns: false).ToArbitrary(), t =>
            Gradcheck.Verify(xs => Im2Col.Apply(xs[0], t.KernelH, t.KernelW, t.Case.Stride, t.Case.Padding), t.Case.Case));

    [Property]
    public Property Col2Im_matches_central_differences() =>
        Prop.ForAll(Cases(columns: true).ToArbitrary(), t =>
            Gradcheck.Verify(xs => Col2Im.Apply(xs[0], t.Image, t.KernelH, t.KernelW, t.Case.Stride, t.Case.Padding), t.Case.Case));

    /// <summary>⟨col2im(c), x⟩ = ⟨c, im2col(x)⟩ exactly for dyadic values: the two kernels are adjoint, entry for entry.</summary>
    [Property]
    public Property Col2Im_is_the_adjoint_of_im2col() =>
        Prop.ForAll((
            from g in Generators.ConvolutionGeometries
            from c in Generators.DyadicSamples(Shape.Of(Rows(g.X, g.W[2], g.W[3], g.Stride, g.Padding), g.W[1] * g.W[2] * g.W[3]))
            from x in Generators.DyadicSamples(g.X)
            select (g, c, x)).ToArbitrary(), t =>
        {
            var (g, c, x) = t;
            var folded = Autodiff.Eval(Col2Im.Apply(c.Constant(), g.X, g.W[2], g.W[3], g.Stride, g.Padding)).Value.ToDoubles();
            var unfolded = Autodiff.Eval(Im2Col.Apply(x.Constant(), g.W[2], g.W[3], g.Stride, g.Padding)).Value.ToDoubles();
            Assert.Equal(folded.Zip(x.Values, (a, b) => a * b).Sum(), unfolded.Zip(c.Values, (a, b) => a * b).Sum());
        });
}
