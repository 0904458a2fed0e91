namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// Chains made only of ops that have JVP rules, so forward mode reaches through every op (a missing rule fails here
/// rather than being skipped): tangents handed from rule to rule, some of them zero, against central differences.
/// </summary>
public sealed class ChainJvp
{
    // x [N,C,H,W], conv weight [O,C,3,3] and bias [O], linear weight [K, O·H·W/4] and bias [K], targets [N].
    static readonly Gen<(Case Case, ClassTargets Targets)> Nets =
        from n in Gen.Choose(1, 2)
        from c in Gen.Choose(1, 2)
        from o in Gen.Choose(1, 3)
        from h in Gen.Elements(2, 4)
        from w in Gen.Elements(2, 4)
        from k in Gen.Choose(1, 3)
        from x in Generators.Samples(Shape.Of(n, c, h, w))
        from cw in Generators.Samples(Shape.Of(o, c, 3, 3))
        from cb in Generators.Samples(Shape.Of(o))
        from lw in Generators.Samples(Shape.Of(k, o * h * w / 4))
        from lb in Generators.Samples(Shape.Of(k))
        from t in Gen.ArrayOf(Gen.Choose(0, k - 1).Select(i => (long)i), n)
        from seed in Generators.Seeds
        select (new Case([x, cw, cb, lw, lb], seed), new ClassTargets(Shape.Of(n), t));

    // a [B,m,k], b [B,k,n], v [m], u [n].
    static readonly Gen<(Case Case, int Index)> Products =
        from ab in Generators.BatchedMatrices
        from v in Generators.Samples(Shape.Of(ab.A.Shape[1]))
        from u in Generators.Samples(Shape.Of(ab.B.Shape[2]))
        from index in Gen.Choose(-ab.A.Shape[0], ab.A.Shape[0] - 1)
        from seed in Generators.Seeds
        select (new Case([ab.A, ab.B, v, u], seed), index);

    /// <summary>nll_loss(linear(reshape(max_pool2d(conv2d(x, w, b, padding 1), 2)), W, c), t).</summary>
    static Reader<GradEnv, Expr> Net(Expr[] xs, ClassTargets t) =>
        from conv in Convolution.Apply(xs[0], xs[1], xs[2], stride: 1, padding: 1)
        from pooled in MaxPool2d.Apply(conv, 2)
        from flat in Reshape.Apply(pooled, [pooled.Shape[0], -1])
        from scores in Linear.Apply(flat, xs[3], xs[4])
        from loss in NllLoss.Apply(scores, t.Constant())
        select loss;

    /// <summary>⟨t(a[i]·b[i])·v, u⟩ through bmm, select, t, mv and dot.</summary>
    static Reader<GradEnv, Expr> Product(Expr[] xs, int index) =>
        from ab in Bmm.Apply(xs[0], xs[1])
        from slice in Select.Apply(ab, index)
        from turned in Transpose.T(slice)
        from mv in Mv.Apply(turned, xs[2])
        from r in Dot.Apply(mv, xs[3])
        select r;

    [Property(MaxTest = 100)]
    public Property A_small_convolutional_classifier_matches_central_differences() =>
        Prop.ForAll(Nets.ToArbitrary(), t => Gradcheck.Verify(xs => Net(xs, t.Targets), t.Case));

    [Property(MaxTest = 100)]
    public Property A_chain_of_products_matches_central_differences() =>
        Prop.ForAll(Products.ToArbitrary(), t => Gradcheck.Verify(xs => Product(xs, t.Index), t.Case));

    [Property(MaxTest = 20)]
    public Property Forward_mode_reaches_through_each_op_of_both_chains() =>
        Prop.ForAll(Nets.ToArbitrary(), Products.ToArbitrary(), (net, product) =>
        {
            Tangent(xs => Net(xs, net.Targets), net.Case);
            Tangent(xs => Product(xs, product.Index), product.Case);
        });

    // ẏ for ones seeded at every input: throws NotSupportedException if an op on the way has no rule.
    static void Tangent(Func<Expr[], Reader<GradEnv, Expr>> f, Case c)
    {
        var leaves = c.Inputs.Select(s => s.Leaf()).ToArray();
        var y = Autodiff.Eval(f(leaves));
        var seeds = Seq<(Node, Expr)>.Empty;
        foreach (var leaf in leaves) seeds = seeds.Add((leaf.Node!, Expr.Constant(NdArray.Full(leaf.Shape, 1, leaf.DType))));
        var yDot = Autodiff.Eval(ForwardMode.Tangent(y, seeds));
        Assert.Equal(y.Shape, yDot.Shape);
    }
}
