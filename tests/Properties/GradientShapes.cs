namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>Under broadcasting and dtype promotion every gradient is reduced back to its own input's shape and dtype.</summary>
public sealed class GradientShapes
{
    static readonly (string Name, Func<Expr, Expr, Reader<GradEnv, Expr>> Apply)[] Binary =
    [
        ("add", Add.Apply), ("sub", Sub.Apply), ("mul", Mul.Apply), ("div", Div.Apply), ("pow", PowTensor.Apply),
    ];

    static readonly Gen<(string Op, Sample A, Sample B)> Cases =
        from op in Gen.Elements(Binary.Select(b => b.Name).ToArray())
        from shapes in Generators.BroadcastPairs
        from a in Generators.Samples(shapes.A, 0.5, 2)
        from b in Generators.Samples(shapes.B, 0.5, 2)
        from dtypeA in Gen.Elements(DType.Float32, DType.Float64)
        from dtypeB in Gen.Elements(DType.Float32, DType.Float64)
        select (op, a.In(dtypeA), b.In(dtypeB));

    [Fact]
    public void Float32_3x1_times_float64_4_gives_gradients_3x1_float32_and_4_float64()
    {
        var a = new Sample(Shape.Of(3, 1), [1, 2, 3], DType.Float32).Leaf();
        var b = new Sample(Shape.Of(4), [0.5, -1, 2, 4]).Leaf();
        var y = Autodiff.Eval(Mul.Apply(a, b));
        Assert.Equal(Shape.Of(3, 4), y.Shape);
        Assert.Equal(DType.Float64, y.DType);

        var grads = Autodiff.Gradients(y, Autodiff.Ones(y));
        var (gA, gB) = (grads.GradOf(a), grads.GradOf(b));
        Assert.Equal(Shape.Of(3, 1), gA.Shape);
        Assert.Equal(DType.Float32, gA.DType);
        Assert.Equal([5.5, 5.5, 5.5], gA.Value.ToDoubles());
        Assert.Equal(Shape.Of(4), gB.Shape);
        Assert.Equal(DType.Float64, gB.DType);
        Assert.Equal([6.0, 6.0, 6.0, 6.0], gB.Value.ToDoubles());
    }

    [Property]
    public Property Gradients_have_their_inputs_shapes_and_dtypes() =>
        Prop.ForAll(Cases.ToArbitrary(), t =>
        {
            var (a, b) = (t.A.Leaf(), t.B.Leaf());
            var y = Autodiff.Eval(Binary.First(o => o.Name == t.Op).Apply(a, b));
            Assert.Equal(Shape.Broadcast(t.A.Shape, t.B.Shape, t.Op), y.Shape);
            // PyTorch's rule for two floating operands: a lone 0-dim operand does not widen a dimensioned one;
            // otherwise Float64 if either is.
            var expected = (t.A.Shape.Rank == 0, t.B.Shape.Rank == 0) switch
            {
                (true, false) => t.B.DType,
                (false, true) => t.A.DType,
                _ => t.A.DType == DType.Float64 || t.B.DType == DType.Float64 ? DType.Float64 : DType.Float32,
            };
            Assert.Equal(expected, y.DType);

            var grads = Autodiff.Gradients(y, Autodiff.Ones(y));
            foreach (var (leaf, sample) in new[] { (a, t.A), (b, t.B) })
            {
                var g = grads.GradOf(leaf);
                Assert.Equal(sample.Shape, g.Shape);
                Assert.Equal(sample.DType, g.DType);
            }
        });
}
