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
            Assert.Equal(on.Value.ToDoubles(), off.Value.ToDoubles());
        });
}
