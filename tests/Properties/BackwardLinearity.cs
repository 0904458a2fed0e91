namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>Backward is linear in its seed: grads(α·s₁ + β·s₂) = α·grads(s₁) + β·grads(s₂), on random small programs.</summary>
public sealed class BackwardLinearity
{
    /// <summary>One instruction: an op applied to two earlier values (by index modulo the values so far).</summary>
    internal sealed record Step(string Op, int A, int B)
    {
        public override string ToString() => $"{Op}(v{A}, v{B})";
    }

    /// <summary>Two leaves of broadcasting shapes, the steps computing from them, seeds and coefficients.</summary>
    internal sealed record Program(Sample X, Sample Y, Step[] Steps, int Seed, double Alpha, double Beta)
    {
        public override string ToString() => $"v0 = {X}; v1 = {Y}; {string.Join("; ", Steps.Select(s => s.ToString()))}; seed {Seed}, α = {Alpha:R}, β = {Beta:R}";
    }

    // Bounded ops, so that values stay finite however they are chained.
    static readonly string[] Ops = ["add", "sub", "mul", "neg", "tanh", "exp_tanh", "square", "div_exp", "sum_dim_keep", "mean"];

    static readonly Gen<Program> Programs =
        from shapes in Generators.BroadcastPairs
        from x in Generators.Samples(shapes.A)
        from y in Generators.Samples(shapes.B)
        from n in Gen.Choose(1, 6)
        from steps in Gen.ArrayOf(
            from op in Gen.Elements(Ops) from a in Gen.Choose(0, 7) from b in Gen.Choose(0, 7) select new Step(op, a, b), n)
        from seed in Generators.Seeds
        from alpha in Generators.Uniform(-2, 2)
        from beta in Generators.Uniform(-2, 2)
        select new Program(x, y, steps, seed, alpha, beta);

    [Property]
    public Property Gradients_are_linear_in_the_seed() =>
        Prop.ForAll(Programs.ToArbitrary(), p =>
        {
            var (x, y) = (p.X.Leaf(), p.Y.Leaf());
            var output = Run(p.Steps, x, y);
            var random = new Random(p.Seed);
            var s1 = Seed(output.Shape, random);
            var s2 = Seed(output.Shape, random);
            var combined = Expr.Constant(NdArray.From(s1.Zip(s2, (a, b) => p.Alpha * a + p.Beta * b).ToArray(), output.Shape, DType.Float64));

            var retain = new BackwardOptions(RetainGraph: true);
            var g1 = Autodiff.Gradients(output, Expr.Constant(NdArray.From(s1, output.Shape, DType.Float64)), retain);
            var g2 = Autodiff.Gradients(output, Expr.Constant(NdArray.From(s2, output.Shape, DType.Float64)), retain);
            var g = Autodiff.Gradients(output, combined, retain);
            foreach (var leaf in new[] { x, y })
            {
                var expected = Values(g1, leaf).Zip(Values(g2, leaf), (a, b) => p.Alpha * a + p.Beta * b).ToArray();
                var actual = Values(g, leaf);
                for (var i = 0; i < actual.Length; i++)
                    Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-10 * (1 + Math.Abs(expected[i])),
                        $"grads(αs₁ + βs₂)[{i}] = {actual[i]:R}, α·grads(s₁) + β·grads(s₂) = {expected[i]:R}");
            }
        });

    static Expr Run(Step[] steps, Expr x, Expr y)
    {
        var values = new List<Expr> { x, y };
        foreach (var s in steps)
        {
            var (a, b) = (values[s.A % values.Count], values[s.B % values.Count]);
            values.Add(Autodiff.Eval(s.Op switch
            {
                "add" => Add.Apply(a, b),
                "sub" => Sub.Apply(a, b),
                "mul" => Mul.Apply(a, b),
                "neg" => Neg.Apply(a),
                "tanh" => Tanh.Apply(a),
                "exp_tanh" => from t in Tanh.Apply(a) from e in Exp.Apply(t) select e,
                "square" => from t in Tanh.Apply(a) from q in Pow.Apply(t, 2) select q,
                "div_exp" => from t in Tanh.Apply(b) from e in Exp.Apply(t) from q in Div.Apply(a, e) select q,
                "sum_dim_keep" => a.Shape.Rank == 0 ? Sum.Apply(a) : SumDim.Apply(a, -1, keepDim: true),
                _ => Mean.Apply(a),
            }));
        }
        return values[^1];
    }

    static double[] Seed(Shape shape, Random random) =>
        Enumerable.Range(0, shape.Numel).Select(_ => 2 * random.NextDouble() - 1).ToArray();

    // A leaf the output does not depend on has no gradient: zero.
    static double[] Values(HashMap<Node, Expr> grads, Expr leaf) =>
        grads.Find(leaf.Node!).Match(g => g.Value.ToDoubles(), () => new double[leaf.Shape.Numel]);
}
