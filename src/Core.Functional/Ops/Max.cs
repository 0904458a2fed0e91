namespace Nabla.Core;

/// <summary>
/// y = max over all elements. ∇y = 1/k at each of the k elements equal to the maximum, 0 elsewhere (PyTorch's
/// evenly_distribute_backward).
/// </summary>
public sealed class Max() : ScalarOp<Expr>("MaxBackward1", Saves.Output)
{
    static readonly Max Rule = new();

    /// <summary>The largest element, a 0-dimensional result.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Reductions.MaxAll(x.Value), x, x);

    /// <summary>Index of the first maximum along <paramref name="dim"/>, as Int64 (never requires grad).</summary>
    public static Reader<GradEnv, Expr> ArgMax(Expr x, int dim, bool keepDim = false) =>
        _ => ReaderResult<Expr>.New(Expr.Constant(AlongDim.ArgMax(x.Value, x.Shape.NormalizeDim(dim, "argmax"), keepDim)));

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Gradient(Expr x, Expr? y, int input, Expr t) => Mul.Apply(t, Shares(x, y!, t.DType));

    // 1/k at each of the k elements equal to the maximum, 0 elsewhere.
    static Expr Shares(Expr x, Expr y, DType dtype)
    {
        var ties = Elementwise.Mask(MaskKind.Equal, x.Value, y.Value);
        var count = 0;
        foreach (var tie in ties) if (tie) count++;
        var shares = new double[ties.Length];
        for (var i = 0; i < shares.Length; i++) shares[i] = ties[i] ? 1.0 / count : 0.0;
        return Expr.Constant(NdArray.From(shares, x.Shape, dtype));
    }
}
