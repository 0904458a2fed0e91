using System.Collections.Immutable;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = ‖x‖ₚ = (Σ|x|ᵖ)^(1/p) over all elements or over one dimension (p = 0 counts the non-zeros, p = ±∞ is the max or
/// min of |x|). x̄ = ȳ (unsqueezed) ⊙ ∂y/∂x and ẏ = Σ ẋ ⊙ ∂y/∂x, with ∂y/∂x as PyTorch's norm_backward states it:
/// 0 for p = 0, sign x for p = 1, x / y for p = 2, sign x shared evenly among the extremes for p = ±∞,
/// sign x ⊙ |x|ᵖ⁻¹ / yᵖ⁻¹ otherwise, and 0 wherever y = 0 (so the gradient at the zero vector is zero).
/// </summary>
public sealed class Norm() : Op<(Expr X, double P, int? Dim, bool KeepDim)>("NormBackward1", Saves.Output)
{
    static readonly Norm Rule = new();

    /// <summary>‖x‖ₚ over all elements, a 0-dimensional result (floating x).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, double p = 2) => Apply(x, p, null, keepDim: false);

    /// <summary>‖x‖ₚ over <paramref name="dim"/> (negative counts from the end; every element when null).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, double p, int? dim, bool keepDim = false) =>
        env =>
        {
            if (!x.DType.IsFloating())
                throw new ArgumentException($"norm(): input dtype should be either floating point or complex. Got Long instead. (shape {x.Shape})");
            if (double.IsNaN(p)) throw new ArgumentException("norm(): p must not be NaN", nameof(p));
            int? d = dim is { } k ? x.Shape.NormalizeDim(k, "norm") : null;
            return Rule.Record(env, Reductions.Norm(x.Value, p, d, keepDim), (x, p, d, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, double P, int? Dim, bool KeepDim) s, Expr? y, Expr yBar, int input) =>
        from slope in Slope(s, y!)
        from g in s.Dim is { } d ? SumDim.Spread((s.X.Shape, d, s.KeepDim), yBar) : Expand.Apply(yBar, s.X.Shape)
        from r in Mul.Apply(g, slope)
        select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, double P, int? Dim, bool KeepDim) s, Expr? y, Shape shape, Expr?[] xDots) =>
        from slope in Slope(s, y!)
        from t in Mul.Apply(xDots[0]!, slope)
        from r in s.Dim is { } d ? SumDim.Apply(t, d, s.KeepDim) : Sum.Apply(t)
        select r;

    // ∂y/∂x, of x's shape. Where y = 0 the whole slice is 0, and so is every form below once y is made 1 there (so no
    // 0/0 reaches a second derivative either).
    static Reader<GradEnv, Expr> Slope((Expr X, double P, int? Dim, bool KeepDim) s, Expr y)
    {
        var (x, p) = (s.X, s.P);
        var sign = Expr.Constant(Elementwise.Unary(UnaryKernel.Sign, x.Value));
        if (p == 0) return Pure(Expr.Constant(NdArray.Full(x.Shape, 0, x.DType)));
        if (p == 1) return Pure(sign);
        var kept = s.Dim is { } d && !s.KeepDim && x.Shape.Rank > 0 ? Reshape.Apply(y, x.Shape.Reduce(d, keepDim: true)) : Pure(y);
        if (double.IsInfinity(p)) return from k in kept select Expr.Constant(Extremes(x.Value, k.Value, s.Dim));
        var one = Expr.Scalar(1, x.DType);
        return from k in kept
               from safe in Where.Apply(Mask(k.Value), one, k)
               from r in p == 2 ? Div.Apply(x, safe)
                   : p < 1 ? Below1(x, safe, p, sign, one)
                   : from ax in Abs.Apply(x)
                     from a in p < 2 ? from a in Pow.Apply(ax, p - 1) from sa in Mul.Apply(sign, a) select sa
                                     : from a in Pow.Apply(ax, p - 2) from xa in Mul.Apply(x, a) select xa
                     from scale in Pow.Apply(safe, 1 - p)
                     from r in Mul.Apply(a, scale)
                     select r
               select r;
    }

    // p < 1: sign x ⊙ |x|ᵖ⁻¹ (0 where x = 0) ⊙ y¹⁻ᵖ.
    static Reader<GradEnv, Expr> Below1(Expr x, Expr ySafe, double p, Expr sign, Expr one)
    {
        var xZero = Mask(x.Value);
        return from ax in Abs.Apply(x)
               from safe in Where.Apply(xZero, one, ax)
               from a0 in Pow.Apply(safe, p - 1)
               from a in Where.Apply(xZero, Expr.Scalar(0, x.DType), a0)
               from sa in Mul.Apply(sign, a)
               from yp in Pow.Apply(ySafe, 1 - p)
               from r in Mul.Apply(sa, yp)
               select r;
    }

    // True where the value is 0.
    static ImmutableArray<bool> Mask(NdArray v) => ImmutableArray.CreateRange(v.ToDoubles().Select(e => e == 0));

    // p = ±∞: sign x ⊙ m / Σ m over each slice, m marking the elements whose |x| is the norm (or NaN).
    static NdArray Extremes(NdArray x, NdArray kept, int? dim)
    {
        var xs = x.ToDoubles();
        var ys = Layout.Expand(kept, x.Shape).ToDoubles();
        var marks = NdArray.From(xs.Select((v, i) => Math.Abs(v) == ys[i] || double.IsNaN(v) ? 1.0 : 0.0).ToArray(), x.Shape, DType.Float64);
        var counts = Layout.Expand(dim is { } d ? Reductions.SumDim(marks, d, keepDim: true) : Reductions.SumAll(marks), x.Shape).ToDoubles();
        var m = marks.ToDoubles();
        return NdArray.From(xs.Select((v, i) => m[i] == 0 ? 0 : (v > 0 ? 1 : v < 0 ? -1 : v == 0 ? 0 : double.NaN) / counts[i]).ToArray(), x.Shape, x.DType);
    }
}
