namespace Nabla.Core;

/// <summary>
/// y = (1/n) Σ (x − t)² over the n elements of x and t, PyTorch's mse_loss with mean reduction. ∇ₓy = 2(x − t)/n,
/// ∇ₜy = −∇ₓy. The shapes must be equal: PyTorch broadcasts different shapes with a warning, Nabla refuses, since a
/// target [N] against an input [N, 1] then averages an N×N table of errors, which is almost always a bug.
/// </summary>
public sealed class MseLoss() : ScalarOp<(Expr X, Expr T)>("MseLossBackward0")
{
    static readonly MseLoss Rule = new();

    /// <summary>The mean of (input − target)², a 0-dimensional result; either input may require grad.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr input, Expr target) =>
        env =>
        {
            if (!input.Shape.Equals(target.Shape))
                throw new ArgumentException(
                    $"mse_loss: the target's shape {target.Shape} differs from the input's shape {input.Shape} " +
                    "(PyTorch would broadcast them with a warning; Nabla requires equal shapes)");
            var dtype = DTypes.Promote(input.DType, target.DType).ToFloating();
            var y = Losses.MseLoss(Layout.Cast(input.Value, dtype), Layout.Cast(target.Value, dtype));
            return Rule.Record(env, y, (input, target), input, target);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Gradient((Expr X, Expr T) saved, Expr? y, int input, Expr t) =>
        from d in input == 0 ? Sub.Apply(saved.X, saved.T) : Sub.Apply(saved.T, saved.X)
        from s in Div.Apply(t, Expr.Scalar(saved.X.Shape.Numel / 2.0, t.DType))
        from r in Mul.Apply(d, s)
        select r;
}
