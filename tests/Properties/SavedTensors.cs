namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// A backward without RetainGraph frees what the VJPs saved, so a second backward through a node that saved
/// tensors fails as in PyTorch; with RetainGraph, or through nodes that saved only shapes, it runs again.
/// </summary>
public sealed class SavedTensors
{
    const string SecondTime = "Trying to backward through the graph a second time";

    static readonly Gen<Sample> Inputs = Generators.Shapes().SelectMany(s => Generators.Samples(s, 0.5, 2));

    static readonly Gen<(OpUse Op, Sample X)> Uses = Gen.Elements(OpCatalog.All).Zip(Inputs);

    [Property(MaxTest = 50)]
    public Property A_second_backward_through_mul_without_retain_graph_throws() =>
        Prop.ForAll(Inputs.ToArbitrary(), s =>
        {
            var x = s.Leaf();
            var y = Autodiff.Eval(from p in Mul.Apply(x, x) from r in Sum.Apply(p) select r);
            Autodiff.Gradients(y, Autodiff.Ones(y));
            var e = Assert.Throws<InvalidOperationException>(() => Autodiff.Gradients(y, Autodiff.Ones(y)));
            Assert.StartsWith(SecondTime, e.Message, StringComparison.Ordinal);
        });

    [Property(MaxTest = 100)]
    public Property With_retain_graph_a_second_backward_gives_the_same_gradients() =>
        Prop.ForAll(Uses.ToArbitrary(), t =>
        {
            var x = t.X.Leaf();
            var y = Autodiff.Eval(from u in t.Op.Apply(x) from r in Sum.Apply(u) select r);
            var retain = new BackwardOptions(RetainGraph: true);
            var first = Autodiff.Gradients(y, Autodiff.Ones(y), retain).GradOf(x).Value.ToDoubles();
            var second = Autodiff.Gradients(y, Autodiff.Ones(y), retain).GradOf(x).Value.ToDoubles();
            var last = Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value.ToDoubles();
            WithinAnUlp(first, second);
            WithinAnUlp(first, last);
        });

    // Each backward computes into fresh buffers, and System.Numerics.Tensors' sin and cos can round the same value
    // differently by one ulp depending on where it falls in the buffer's vectors (README, "Reproducible bits").
    static void WithinAnUlp(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i].Equals(actual[i]) || Math.BitIncrement(expected[i]) == actual[i] || Math.BitDecrement(expected[i]) == actual[i],
                        $"gradient element {i}: {expected[i]:R} the first time, {actual[i]:R} again");
    }

    [Property(MaxTest = 50)]
    public Property A_graph_of_only_add_and_sum_runs_again_without_retain_graph() =>
        Prop.ForAll(Inputs.ToArbitrary(), s =>
        {
            var x = s.Leaf();
            var y = Autodiff.Eval(from a in Add.Apply(x, x) from b in Add.Apply(a, Expr.Scalar(1, DType.Float64)) from r in Sum.Apply(b) select r);
            var first = Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value.ToDoubles();
            var second = Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value.ToDoubles();
            Assert.Equal(Enumerable.Repeat(2.0, s.Shape.Numel), first);
            Assert.Equal(first, second);
        });

    [Property]
    public Property Exactly_the_ops_that_save_tensors_forbid_a_second_backward() =>
        Prop.ForAll(Uses.ToArbitrary(), t =>
        {
            var x = t.X.Leaf();
            var y = Autodiff.Eval(from u in t.Op.Apply(x) from r in Sum.Apply(u) select r);
            var first = Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value.ToDoubles();
            if (t.Op.SavesTensors)
            {
                var e = Assert.Throws<InvalidOperationException>(() => Autodiff.Gradients(y, Autodiff.Ones(y)));
                Assert.StartsWith(SecondTime, e.Message, StringComparison.Ordinal);
            }
            else Assert.Equal(first, Autodiff.Gradients(y, Autodiff.Ones(y)).GradOf(x).Value.ToDoubles());
        });
}
