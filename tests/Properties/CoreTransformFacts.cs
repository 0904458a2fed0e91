namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>The core transforms used directly, as functions over Reader computations.</summary>
public sealed class CoreTransformFacts
{
    static Expr S(double v) => Expr.Scalar(v, DType.Float64);

    [Fact]
    public void Nested_grads_do_not_confuse_perturbations()
    {
        // d/dx [x · (d/dy (x·y))] at x = 1: the inner derivative is x, so the outer is d/dx x² = 2 (1 if confused).
        Reader<GradEnv, Expr> Outer(Expr x) =>
            from inner in Transforms.Grad(y => Mul.Apply(x, y))(S(1))
            from product in Mul.Apply(x, inner)
            select product;
        Assert.Equal(2.0, Autodiff.Eval(Transforms.Grad(Outer)(S(1))).Value[0]);
    }

    [Fact]
    public void Grad_of_grad_and_hessian_of_x_cubed()
    {
        Func<Expr, Reader<GradEnv, Expr>> cube = x => Pow.Apply(x, 3);
        Assert.Equal(27.0, Autodiff.Eval(Transforms.Grad(cube)(S(3))).Value[0]);
        Assert.Equal(18.0, Autodiff.Eval(Transforms.Grad(Transforms.Grad(cube))(S(3))).Value[0]);
        Assert.Equal(18.0, Autodiff.Eval(Transforms.Hessian(cube, S(3))).Value[0]);
        Assert.Equal(18.0 * 2, Autodiff.Eval(Transforms.Hvp(cube, S(3), S(2))).Value[0]);
        var (value, grad) = Transforms.ValueAndGrad(cube)(S(2)).Run(GradEnv.Default).Unwrap();
        Assert.Equal((8.0, 12.0), (value.Value[0], grad.Value[0]));
    }

    [Fact]
    public void Each_transform_runs_with_grad_on_whatever_the_callers_mode()
    {
        var levels = new List<(bool Grad, bool Inference)>();
        Reader<GradEnv, Expr> Probe(Expr x) =>
            from env in GradEnv.Ask
            from _ in Reading.Pure(Record(env))
            from y in Mul.Apply(x, x)
            select y;
        Unit Record(GradEnv env) { levels.Add((env.GradEnabled, env.InferenceMode)); return Unit.Default; }

        Autodiff.Eval(Transforms.Grad(x => Transforms.Grad(Probe)(x))(S(1)), GradEnv.NoGrad(GradEnv.Default));
        Autodiff.Eval(Transforms.Grad(Probe)(S(1)), GradEnv.Inference(true)(GradEnv.Default));
        Assert.Equal([(true, false), (true, false)], levels);
    }
}
