namespace Nabla.Core;

/// <summary>
/// y = exp(x) / Σ_dim exp(x), computed stably. Its Jacobian diag(y) − y yᵀ is symmetric: J·t = y ⊙ (t − Σ_dim(t ⊙ y))
/// serves as x̄ (t = ȳ) and as ẏ (t = ẋ).
/// </summary>
public sealed class Softmax() : SelfAdjointOp<int>("SoftmaxBackward0", Saves.Output)
{
    static readonly Softmax Rule = new();

    /// <summary>Softmax along <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "softmax");
            NotForInt64(x, d, "softmax");
            return Rule.Record(env, AlongDim.Softmax(x.Value, d), d, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> JacobianTimes(int dim, Expr? y, Expr t) =>
        from ty in Mul.Apply(t, y!)
        from s in SumDim.Apply(ty, dim, keepDim: true)
        from d in Sub.Apply(t, s)
        from r in Mul.Apply(y!, d)
        select r;

    // PyTorch has no integer softmax kernels, and says which one it lacks (the last-dim kernel or the general one).
    internal static void NotForInt64(Expr x, int dim, string name)
    {
        if (!x.DType.IsFloating())
            throw new ArgumentException(dim == x.Shape.Rank - 1
                ? $"\"{name}_lastdim_kernel_impl\" not implemented for '{x.DType.ScalarTypeName()}'"
                : $"\"softmax_kernel_impl\" not implemented for '{x.DType.ScalarTypeName()}'");
    }
}

/// <summary>
/// y = x − ln Σ_dim exp(x), computed stably. Along dim, J = I − 1pᵀ with p = exp(y), not symmetric:
/// ẏ = J·ẋ = ẋ − Σ_dim(p ⊙ ẋ), x̄ = Jᵀ·ȳ = ȳ − p ⊙ Σ_dim ȳ.
/// </summary>
public sealed class LogSoftmax() : Op<int>("LogSoftmaxBackward0", Saves.Output)
{
    static readonly LogSoftmax Rule = new();

    /// <summary>Log-softmax along <paramref name="dim"/> (negative counts from the end).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "log_softmax");
            Softmax.NotForInt64(x, d, "log_softmax");
            return Rule.Record(env, AlongDim.LogSoftmax(x.Value, d), d, x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(int dim, Expr? y, Expr yBar, int input) =>
        Times(dim, y!, yBar, transposed: true);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(int dim, Expr? y, Shape shape, Expr?[] xDots) =>
        Times(dim, y!, xDots[0]!, transposed: false);

    // J·t = t − Σ_dim(p ⊙ t), or Jᵀ·t = t − p ⊙ Σ_dim t.
    static Reader<GradEnv, Expr> Times(int dim, Expr y, Expr t, bool transposed) =>
        from p in Exp.Apply(y)
        from r in transposed
            ? from s in SumDim.Apply(t, dim, keepDim: true) from ps in Mul.Apply(p, s) select ps
            : from pt in Mul.Apply(p, t) from s in SumDim.Apply(pt, dim, keepDim: true) select s
        from d in Sub.Apply(t, r)
        select d;
}
