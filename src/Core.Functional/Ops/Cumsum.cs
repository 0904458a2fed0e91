namespace Nabla.Core;

/// <summary>
/// y = the running sums of x along one dimension (torch.cumsum): linear, with adjoint x̄ = the running sums of ȳ taken
/// from the end back (PyTorch's cumsum_backward, flip ∘ cumsum ∘ flip), whose adjoint is cumsum again.
/// </summary>
public sealed class Cumsum(string name, bool reverse) : LinearOp<int>(name, Saves.Shapes)
{
    static readonly Cumsum Rule = new("CumsumBackward0", reverse: false), Reversed = new("FlipBackward0", reverse: true);
    readonly bool reverse = reverse;

    /// <summary>y[…, k, …] = Σ_{j ≤ k} x[…, j, …] along <paramref name="dim"/> (negative counts from the end); Int64 stays Int64.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim) => Along(Rule, x, dim);

    /// <summary>y[…, k, …] = Σ_{j ≥ k} x[…, j, …]: the running sums from the end back, cumsum's adjoint.</summary>
    internal static Reader<GradEnv, Expr> FromTheEnd(Expr x, int dim) => Along(Reversed, x, dim);

    static Reader<GradEnv, Expr> Along(Cumsum rule, Expr x, int dim) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "cumsum");
            return rule.Record(env, Summation.RunningSums(x.Value, d, rule.reverse), d, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map(int dim, Shape shape, Expr t) => Along(this, t, dim);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint(int dim, Expr yBar) => Along(reverse ? Rule : Reversed, yBar, dim);
}
