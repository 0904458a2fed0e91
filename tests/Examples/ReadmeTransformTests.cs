using FsCheck.Fluent;

namespace Nabla.Examples;

public partial class ReadmeTests
{
    [Fact]
    public void Higher_order_gradients_transforms_hooks_and_checks()
    {
        // README.md: "## Higher-order gradients, transforms, hooks and checks", the same statements in the same order.
        var x = Tensor.Scalar(3.0, requiresGrad: true, dtype: DType.Float64);
        var dy = Autograd.Grad([x.Pow(3)], [x], createGraph: true)[0]!;
        Assert.Equal("tensor(27., dtype=float64, grad_fn=<MulBackward0>)", dy.ToString());
        Assert.Equal("tensor(18., dtype=float64)", Autograd.Grad([dy], [x])[0]?.ToString());

        var p = Tensor.From([1.5, -2.0], dtype: DType.Float64);
        Assert.Equal("tensor([[ -4.,   3.],\n        [  3., -12.]], dtype=float64)",
                     Autograd.Hessian(v => v[0].Pow(2) * v[1] + v[1].Pow(3), p).ToString());
        Assert.Equal("tensor([ 0.0707, -0.4161], dtype=float64)",
                     Autograd.Jvp(v => v.Sin(), p, Tensor.Ones([2], dtype: DType.Float64)).Jvp.ToString());
        Assert.Equal("tensor([[ 0.0707,  0.0000],\n        [-0.0000, -0.4161]], dtype=float64)",
                     Autograd.Jacobian(v => v.Sin(), p, mode: JacobianMode.Forward).ToString());

        var one = Tensor.Scalar(1.0, dtype: DType.Float64);
        Tensor Inner(Tensor a) => a * Autograd.Vjp(b => a * b, one, one, createGraph: true).Vjp;
        Assert.Equal("tensor(2., dtype=float64)", Autograd.Vjp(Inner, one, one).Vjp.ToString());

        var w = Tensor.From([1.0, 2.0], requiresGrad: true);
        var h = w * 3;
        h.RetainGrad();
        using (h.RegisterHook(g => g * 10)) (h * h).Sum().Backward();
        Assert.Equal("tensor([ 60., 120.]) tensor([180., 360.])", $"{h.Grad} {w.Grad}");

        var a = Tensor.From([0.5, -1.0], requiresGrad: true, dtype: DType.Float64);
        Assert.True(Autograd.GradCheck(xs => (xs[0].Tanh() * xs[0]).Sum(), [a]));
        Assert.True(Autograd.GradGradCheck(xs => (xs[0].Tanh() * xs[0]).Sum(), [a]));

        var inputs = Nabla.Testing.Generators.Tensors([3], low: -1, high: 1).ToArbitrary();
        FsCheck.Check.One(FsCheck.Config.QuickThrowOnFailure,
                          FsCheck.Fluent.Prop.ForAll(inputs, t => Autograd.GradCheck(xs => xs[0].Sin().Sum(), [t])));

        var z = Tensor.From([0.0, 1.0], requiresGrad: true);
        using (Autograd.DetectAnomaly())
        {
            var e = Assert.Throws<InvalidOperationException>(() => (z.Sqrt() * 0).Sum().Backward());
            Assert.Equal("Function 'SqrtBackward0' returned nan values in its 0th output.", e.Message.Split('\n')[0]);
        }
    }
}
