namespace Nabla.Properties;

using FsCheck.Xunit;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;
using Nabla.Core.Numerics;

// docs/ARCHITECTURE.md's two walkthrough ops, as the document shows them (doc comments on overrides left out), and the
// checks that prove them: both modes against central finite differences, and the second derivative.

/// <summary>y = x². ∂y/∂x = 2x.</summary>
public sealed class Square() : ElementwiseOp<Expr>("PowBackward0")   // PyTorch records x.square() as pow(x, 2)
{
    static readonly Square Rule = new();

    /// <summary>x² elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Mul, x.Value, x.Value, "square"), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Expr x, Expr? y, int input, Expr t) =>
        from two in Mul.Apply(x, Expr.Scalar(2, x.DType)) from r in Mul.Apply(t, two) select r;
}

/// <summary>y = x reversed (1-D): linear, and its own adjoint.</summary>
public sealed class Flip() : LinearOp<Unit>("FlipBackward0", Saves.Shapes)
{
    static readonly Flip Rule = new();

    /// <summary>The elements of a vector in reverse order.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env =>
        {
            var values = x.Value.ToDoubles();
            Array.Reverse(values);
            return Rule.Record(env, NdArray.From(values, x.Shape, x.DType), Unit.Default, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(Unit saved, Shape shape, Expr t) => Apply(t);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(Unit saved, Expr yBar) => Apply(yBar);
}

/// <summary>
/// docs/ARCHITECTURE.md shows these two classes exactly as compiled here (less their inheritdoc lines), and Sin as
/// src/Core.Functional/Ops/Sin.cs declares it.
/// </summary>
public sealed class ArchitectureDocument
{
    [Fact]
    public void The_document_shows_the_compiled_walkthrough()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Functional.sln"))) root = root.Parent!;
        var doc = File.ReadAllText(Path.Combine(root.FullName, "docs", "ARCHITECTURE.md"));
        var code = string.Join('\n', File.ReadAllLines(Path.Combine(root.FullName, "tests", "Properties", "ArchitectureExamples.cs"))
                                          .Where(line => line.Trim() != "/// <inheritdoc/>"))
                   + File.ReadAllText(Path.Combine(root.FullName, "src", "Core.Functional", "Ops", "Sin.cs"));
        var blocks = System.Text.RegularExpressions.Regex.Matches(doc, "```csharp\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(3, blocks.Count);
        foreach (System.Text.RegularExpressions.Match block in blocks)
            Assert.True(code.Contains(block.Groups[1].Value.TrimEnd()), $"docs/ARCHITECTURE.md shows code not in ArchitectureExamples.cs or Ops/Sin.cs:\n{block.Groups[1].Value}");
    }
}

/// <summary>The walkthrough ops pass what every op must: VJP and JVP against central differences, and second order.</summary>
public sealed class ArchitectureExamples
{
    static readonly Gen<Case> Vectors =
        from n in Gen.Choose(1, 7)
        from x in Generators.Samples(Shape.Of(n))
        from seed in Generators.Seeds
        select new Case([x], seed);

    [Property]
    public Property Square_matches_central_differences_in_both_modes() =>
        Prop.ForAll(Generators.UnaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Square.Apply(xs[0]), c));

    [Property]
    public Property Flip_matches_central_differences_in_both_modes() =>
        Prop.ForAll(Vectors.ToArbitrary(), c => Gradcheck.Verify(xs => Flip.Apply(xs[0]), c));

    [Fact]
    public void Square_has_second_derivative_two_and_flip_runs_backward_twice()
    {
        var x = Expr.Leaf(NdArray.From([1.5, -2.0, 0.25], Shape.Of(3), DType.Float64));
        var y = Autodiff.Eval(Square.Apply(x));
        var g = Autodiff.Gradients(y, Autodiff.Ones(y), new BackwardOptions(CreateGraph: true)).GradOf(x);
        Assert.Equal([3.0, -4.0, 0.5], g.Value.ToDoubles());              // 2x, exact
        Assert.Equal([2.0, 2.0, 2.0], Autodiff.Gradients(g, Autodiff.Ones(g)).GradOf(x).Value.ToDoubles());
        Assert.Equal("PowBackward0", y.Node!.Name);

        var f = Autodiff.Eval(Flip.Apply(x));
        Assert.Equal([0.25, -2.0, 1.5], f.Value.ToDoubles());
        var v = Expr.Constant(NdArray.From([1.0, 10.0, 100.0], Shape.Of(3), DType.Float64));
        Assert.Equal([100.0, 10.0, 1.0], Autodiff.Gradients(f, v).GradOf(x).Value.ToDoubles());
        Assert.Equal([100.0, 10.0, 1.0], Autodiff.Gradients(f, v).GradOf(x).Value.ToDoubles()); // saved nothing: runs again
    }
}
