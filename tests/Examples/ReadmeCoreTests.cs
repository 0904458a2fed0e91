namespace Nabla.Examples;

// Inside the namespace, so Nabla.Core.DType wins over the facade's Nabla.DType, as in the README block.
using LanguageExt;
using Nabla.Core;
using static LanguageExt.Prelude;

public partial class ReadmeTests
{
    [Fact]
    public void The_functional_core_used_directly()
    {
        // README.md: "The functional core underneath (`Nabla.Core`) can be used directly..."
        var x = Expr.Leaf(NdArray.From([0.5, -1.0], Shape.Of(2), DType.Float64));
        Reader<GradEnv, Expr> f =
            from t in Tanh.Apply(x)
            from p in Mul.Apply(x, t)
            from s in Sum.Apply(p)
            select s;

        var y = f.Run(GradEnv.Default).Unwrap();
        Assert.Equal("0.992653", y.Value[0].ToString("F6"));
        Assert.Equal("SumBackward0", y.Node!.Name);

        var grads = Backprop.Gradients(Seq1((y, Expr.Scalar(1, DType.Float64))), BackwardOptions.Default)
                            .Run(GradEnv.Default).Unwrap();
        Assert.Equal("0.855341, -1.181568", string.Join(", ", grads[x.Node!].Value.ToDoubles().Select(g => g.ToString("F6"))));

        var z = GradEnv.WithNoGrad(f).Run(GradEnv.Default).Unwrap();
        Assert.False(z.RequiresGrad);

        var a = Expr.Constant(NdArray.From([1.0, 2, 3, 4, 5, 6], Shape.Of(3, 2), DType.Float64));
        var ata = Mm.Apply(a, a, transposeA: true, transposeB: false).Run(GradEnv.Default).Unwrap();
        Assert.Equal("35, 44, 44, 56", string.Join(", ", ata.Value.ToDoubles()));

        var yBar = Expr.Constant(NdArray.From([1.0, 1.0, 1.0], Shape.Of(3), DType.Float64));
        var masked = ReluBackward.Apply(yBar, NdArray.From([0.5, 0.0, 2.0], Shape.Of(3), DType.Float64)).Run(GradEnv.Default).Unwrap();
        Assert.Equal("1, 0, 1", string.Join(", ", masked.Value.ToDoubles()));
    }
}
