using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = Σ(x − mean)² / max(0, n − c) over all elements or one dimension (the variance with correction c, Bessel's for
/// c = 1; ∞ or NaN once c ≥ n, as PyTorch). ∂y/∂x = 2(x − mean) / (n − c) with n − c unclamped (PyTorch's
/// var_backward), so x̄ = ȳ (unsqueezed) ⊙ ∂y/∂x and ẏ = Σ ẋ ⊙ ∂y/∂x.
/// </summary>
public sealed class Var() : Op<(Expr X, int? Dim, int Correction, bool KeepDim)>("VarBackward0")
{
    static readonly Var Rule = new();

    /// <summary>The variance over <paramref name="dim"/> (every element when null) with <paramref name="correction"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int? dim = null, int correction = 1, bool keepDim = false) =>
        env =>
        {
            var d = Check(x, dim);
            return Rule.Record(env, Reductions.Var(x.Value, d, correction, keepDim, std: false), (x, d, correction, keepDim), x);
        };

    internal static int? Check(Expr x, int? dim) =>
        !x.DType.IsFloating() ? throw new ArgumentException($"std and var only support floating point and complex dtypes (shape {x.Shape})")
        : dim is { } k ? x.Shape.NormalizeDim(k, "var") : null;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, int? Dim, int Correction, bool KeepDim) s, Expr? y, Expr yBar, int input) =>
        Backward(s, yBar);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, int? Dim, int Correction, bool KeepDim) s, Expr? y, Shape shape, Expr?[] xDots) =>
        Forward(s, xDots[0]!);

    /// <summary>ȳ (of y's shape) spread back ⊙ ∂y/∂x; for a 0-dimensional x with n = c, ∞ · ȳ, as PyTorch.</summary>
    internal static Reader<GradEnv, Expr> Backward((Expr X, int? Dim, int Correction, bool KeepDim) s, Expr yBar) =>
        s.X.Shape.Rank == 0 && s.Correction == 1
            ? Mul.Apply(yBar, Expr.Scalar(double.PositiveInfinity, yBar.DType))
            : from slope in Slope(s)
              from g in s.Dim is { } d ? SumDim.Spread((s.X.Shape, d, s.KeepDim), yBar) : Expand.Apply(yBar, s.X.Shape)
              from r in Mul.Apply(g, slope)
              select r;

    /// <summary>Σ ẋ ⊙ ∂y/∂x, of y's shape.</summary>
    internal static Reader<GradEnv, Expr> Forward((Expr X, int? Dim, int Correction, bool KeepDim) s, Expr xDot) =>
        from slope in Slope(s)
        from t in Mul.Apply(xDot, slope)
        from r in s.Dim is { } d ? SumDim.Apply(t, d, s.KeepDim)
            : s.KeepDim ? from a in Sum.Apply(t) from k in Reshape.Apply(a, Reductions.Ones(s.X.Shape.Rank)) select k
            : Sum.Apply(t)
        select r;

    // 2(x − mean) / (n − c).
    static Reader<GradEnv, Expr> Slope((Expr X, int? Dim, int Correction, bool KeepDim) s)
    {
        var n = s.Dim is { } d ? (s.X.Shape.Rank == 0 ? 1 : s.X.Shape[d]) : s.X.Shape.Numel;
        return from mean in s.Dim is { } k ? MeanDim.Apply(s.X, k, keepDim: true) : Mean.Apply(s.X)
               from dev in Sub.Apply(s.X, mean)
               from r in Mul.Apply(dev, Expr.Scalar(2.0 / (n - s.Correction), s.X.DType))
               select r;
    }
}

/// <summary>
/// y = √var, the standard deviation with correction c (see <see cref="Var"/>). x̄ = var's x̄ for ȳ / 2y (0 where y = 0,
/// as PyTorch's std_backward), ẏ = var's ẏ / 2y likewise.
/// </summary>
public sealed class Std() : Op<(Expr X, int? Dim, int Correction, bool KeepDim)>("StdBackward0", Saves.Output)
{
    static readonly Std Rule = new();

    /// <summary>The standard deviation over <paramref name="dim"/> (every element when null) with <paramref name="correction"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int? dim = null, int correction = 1, bool keepDim = false) =>
        env =>
        {
            var d = Var.Check(x, dim);
            return Rule.Record(env, Reductions.Var(x.Value, d, correction, keepDim, std: true), (x, d, correction, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, int? Dim, int Correction, bool KeepDim) s, Expr? y, Expr yBar, int input) =>
        from g in OverTwoY(yBar, y!)
        from r in Var.Backward(s, g)
        select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, int? Dim, int Correction, bool KeepDim) s, Expr? y, Shape shape, Expr?[] xDots) =>
        from v in Var.Forward(s, xDots[0]!)
        from r in OverTwoY(v, y!)
        select r;

    // t / 2y, 0 where y = 0 (where y is made 1 first, so no 0/0 reaches a second derivative).
    static Reader<GradEnv, Expr> OverTwoY(Expr t, Expr y)
    {
        var zero = System.Collections.Immutable.ImmutableArray.CreateRange(y.Value.ToDoubles().Select(v => v == 0));
        if (!zero.Contains(true))
            return from twice in Mul.Apply(y, Expr.Scalar(2, y.DType)) from r in Div.Apply(t, twice) select r;
        return from safe in Where.Apply(zero, Expr.Scalar(1, y.DType), y)
               from twice in Mul.Apply(safe, Expr.Scalar(2, y.DType))
               from q in Div.Apply(t, twice)
               from full in Expand.Apply(q, Shape.Broadcast(q.Shape, y.Shape, "std"))
               from r in Where.Apply(zero, Expr.Scalar(0, y.DType), full)
               select r;
    }
}
