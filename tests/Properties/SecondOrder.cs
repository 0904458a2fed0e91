namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// With CreateGraph the backward pass is recorded, so a gradient is itself differentiable: differentiating
/// Σ f′(x) again gives f″(x) elementwise.
/// </summary>
public sealed class SecondOrder
{
    /// <summary>An elementwise function, its analytic second derivative, and the range its inputs come from.</summary>
    internal sealed record Function(string Name, Func<Expr, Reader<GradEnv, Expr>> Apply, Func<double, double> Second, double Lo, double Hi)
    {
        public override string ToString() => Name;
    }

    static readonly Function[] Functions =
    [
        new("x³ = pow(x, 3)", x => Pow.Apply(x, 3), x => 6 * x, -2, 2),
        new("x³ = x·x·x", x => from s in Mul.Apply(x, x) from c in Mul.Apply(s, x) select c, x => 6 * x, -2, 2),
        new("tanh", Tanh.Apply, x => -2 * Math.Tanh(x) * (1 - Math.Tanh(x) * Math.Tanh(x)), -2, 2),
        new("exp", Exp.Apply, Math.Exp, -2, 2),
        new("log", Log.Apply, x => -1 / (x * x), 0.5, 2),
        new("1/x = 1 ⊘ x", x => Div.Apply(Expr.Scalar(1, DType.Float64), x), x => 2 / (x * x * x), 0.5, 2),
        new("1/x = reciprocal", Reciprocal.Apply, x => 2 / (x * x * x), 0.5, 2),
        new("sqrt", Sqrt.Apply, x => -0.25 / (x * Math.Sqrt(x)), 0.5, 2),
        new("sin", Sin.Apply, x => -Math.Sin(x), -2, 2),
        new("cos", Cos.Apply, x => -Math.Cos(x), -2, 2),
        new("sigmoid", Sigmoid.Apply, x => { var s = 1 / (1 + Math.Exp(-x)); return s * (1 - s) * (1 - 2 * s); }, -2, 2),
        new("x^1.5 = pow(x, e)", x => PowTensor.Apply(x, Expr.Scalar(1.5, DType.Float64)), x => 0.75 / Math.Sqrt(x), 0.5, 2),
        // The vocabulary's elementwise ops (issue 13).
        new("log1p", Log1p.Apply, x => -1 / ((1 + x) * (1 + x)), -0.5, 2),
        new("expm1", Expm1.Apply, Math.Exp, -2, 2),
        new("erf", Erf.Apply, x => -4 * x / Math.Sqrt(Math.PI) * Math.Exp(-x * x), -2, 2),
        new("tan", Tan.Apply, x => 2 * Math.Tan(x) * (1 + Math.Tan(x) * Math.Tan(x)), -1.2, 1.2),
        new("atan", Atan.Apply, x => -2 * x / ((1 + x * x) * (1 + x * x)), -2, 2),
        new("asin", Asin.Apply, x => x / Math.Pow(1 - x * x, 1.5), -0.9, 0.9),
        new("acos", Acos.Apply, x => -x / Math.Pow(1 - x * x, 1.5), -0.9, 0.9),
        new("sinh", Sinh.Apply, Math.Sinh, -2, 2),
        new("cosh", Cosh.Apply, Math.Cosh, -2, 2),
        new("rsqrt", Rsqrt.Apply, x => 0.75 * Math.Pow(x, -2.5), 0.5, 2),
        new("square = pow(x, 2)", Nabla.Core.Square.Apply, x => 2, -2, 2),
        // Piecewise ops of the logic vocabulary around a cube: their masks pass the second derivative where open.
        new("clamp(x, −1, 1)³", x => from c in Clamp.Apply(x, -1, 1) from r in Pow.Apply(c, 3) select r, x => Math.Abs(x) <= 1 ? 6 * x : 0, -2, 2),
        new("where(x > 0, x³, 0)", x => from c in Pow.Apply(x, 3) from r in WhereTensor.Apply(global::Nabla.Core.Numerics.Logic.Compare(global::Nabla.Core.Numerics.CompareKind.Gt, x.Value, NdArray.Scalar(0, DType.Float64), "gt"), c, Expr.Scalar(0, DType.Float64)) select r,
            x => x > 0 ? 6 * x : 0, -2, 2),
        new("masked_fill(x³, x < 0, 1)", x => from c in Pow.Apply(x, 3) from r in MaskedFill.Apply(c, global::Nabla.Core.Numerics.Logic.Compare(global::Nabla.Core.Numerics.CompareKind.Lt, x.Value, NdArray.Scalar(0, DType.Float64), "lt"), 1) select r,
            x => x >= 0 ? 6 * x : 0, -2, 2),
    ];

    static readonly Gen<(Function F, Sample X)> Cases =
        from f in Gen.Elements(Functions)
        from shape in Generators.Shapes()
        from x in Generators.Samples(shape, f.Lo, f.Hi)
        select (f, x);

    [Fact]
    public void The_second_derivative_of_x_cubed_at_3_is_18()
    {
        foreach (var f in Functions.Take(2))
        {
            var x = Autodiff.ScalarLeaf(3);
            Approx.Relative(18, SecondDerivative(f, x).Value[0], 8 * Approx.Eps64, what: f.Name); // 6x, a few roundings
        }
    }

    [Property]
    public Property Differentiating_a_created_graph_gives_the_analytic_second_derivative() =>
        Prop.ForAll(Cases.ToArbitrary(), t =>
        {
            var x = t.X.Leaf();
            var actual = SecondDerivative(t.F, x).Value.ToDoubles();
            for (var i = 0; i < actual.Length; i++)
            {
                var expected = t.F.Second(t.X.Values[i]);
                Assert.True(Math.Abs(actual[i] - expected) <= 1e-12 * (1 + Math.Abs(expected)),
                    $"{t.F}″({t.X.Values[i]:R}) = {expected:R}, backward of backward gives {actual[i]:R}");
            }
        });

    // d/dx Σ (d/dx Σ f(x)): the first backward recorded, the second not.
    static Expr SecondDerivative(Function f, Expr x)
    {
        var y = Autodiff.Eval(f.Apply(x));
        var g = Autodiff.Gradients(y, Autodiff.Ones(y), new BackwardOptions(CreateGraph: true)).GradOf(x);
        Assert.NotNull(g.Node);
        return Autodiff.Gradients(g, Autodiff.Ones(g)).GradOf(x);
    }
}
