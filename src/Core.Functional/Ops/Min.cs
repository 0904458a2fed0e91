namespace Nabla.Core;

/// <summary>
/// y = min over all elements. ∇y = 1/k at each of the k elements equal to the minimum, 0 elsewhere (PyTorch's
/// evenly_distribute_backward; NaN counts as equal to a NaN minimum).
/// </summary>
public sealed class Min() : ScalarOp<Expr>("MinBackward1", Saves.Output)
{
    static readonly Min Rule = new();

    /// <summary>The smallest element, a 0-dimensional result.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Reductions.MinAll(x.Value), x, x);

    /// <summary>Index of the first minimum along <paramref name="dim"/>, as Int64 (never requires grad).</summary>
    public static Reader<GradEnv, Expr> ArgMin(Expr x, int dim, bool keepDim = false) =>
        _ => ReaderResult<Expr>.New(Expr.Constant(AlongDim.ArgMin(x.Value, x.Shape.NormalizeDim(dim, "argmin"), keepDim)));

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Gradient(Expr x, Expr? y, int input, Expr t) =>
        Mul.Apply(t, Expr.Constant(Reductions.EvenShares(x.Value, y!.Value, t.DType)));
}
