namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>With grad disabled an op on a leaf records nothing: its output has no node, so nothing is saved; values are unchanged.</summary>
public sealed class NoGrad
{
    static readonly Gen<(OpUse Op, Sample X)> Uses =
        Gen.Elements(OpCatalog.All).Zip(Generators.Shapes().SelectMany(s => Generators.Samples(s, 0.5, 2)));

    [Property]
    public Property Every_op_on_a_leaf_returns_an_expression_without_node() =>
        Prop.ForAll(Uses.ToArbitrary(), t =>
        {
            var x = t.X.Leaf();
            var off = Autodiff.Eval(t.Op.Apply(x), GradEnv.NoGrad(GradEnv.Default));
            var scoped = Autodiff.Eval(GradEnv.WithNoGrad(t.Op.Apply(x)));
            var on = Autodiff.Eval(t.Op.Apply(x));
            Assert.Null(off.Node);
            Assert.Null(scoped.Node);
            Assert.False(off.RequiresGrad);
            Assert.NotNull(on.Node);
            // The same kernel on the same values, but not bit for bit: System.Numerics.Tensors splits a buffer into
            // vector lanes by where it lies in memory, so an element can take the scalar tail in one call and a
            // lane in the other (an ulp apart in cos, under 128-bit vectors).
            var eps = x.DType == DType.Float32 ? Approx.Eps32 : Approx.Eps64;
            var (a, b) = (on.Value.ToDoubles(), off.Value.ToDoubles());
            Assert.Equal(a.Length, b.Length);
            for (var k = 0; k < a.Length; k++) Approx.Relative(a[k], b[k], 4 * eps, what: $"{t.Op.Name} element {k}");
        });
}
