using System.Collections.Immutable;

namespace Nabla.Core;

/// <summary>
/// y = min(max(x, lo), hi), a bound left out not applied. ∂y/∂x = 1 where lo ≤ x ≤ hi (boundaries included, as
/// PyTorch), else 0. grad_fn ClampBackward1 (clamp), ClampMinBackward0 (clamp_min), ClampMaxBackward0 (clamp_max).
/// </summary>
public sealed class Clamp(string name) : ElementwiseOp<ImmutableArray<bool>>(name)
{
    static readonly Clamp Both = new("ClampBackward1"), Min = new("ClampMinBackward0"), Max = new("ClampMaxBackward0");

    /// <summary>
    /// x clamped to [lo, hi]; <paramref name="form"/> is "clamp", "clamp_min" or "clamp_max" (its grad_fn). Int64 x
    /// stays Int64 when the bounds are integral, else computes in the default floating dtype, as PyTorch.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, double? lo, double? hi, string form = "clamp") =>
        env =>
        {
            if (lo is null && hi is null)
                throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
            if (x.DType == DType.Bool)
                throw new ArgumentException($"{form}: a Bool tensor is not supported (shape {x.Shape})");
            var dtype = x.DType == DType.Int64 && !(Integral(lo) && Integral(hi)) ? DType.Int64.ToFloating() : x.DType;
            if (dtype == DType.Float32) (lo, hi) = ((float?)lo, (float?)hi);   // compared as PyTorch does, in float
            var input = x.Value.Cast(dtype);
            var y = Logic.Clamp(input, lo, hi);
            var rule = form == "clamp_min" ? Min : form == "clamp_max" ? Max : Both;
            return x.DType.IsFloating() ? rule.Record(env, y, Logic.Inside(input, lo, hi), x) : ReaderResult<Expr>.New(Expr.Constant(y));
        };

    // A bound an Int64 clamp can take exactly: whole and within Int64's range (a larger one makes the result floating).
    static bool Integral(double? v) => v is not { } d || (Math.Floor(d) == d && Math.Abs(d) < 9.2e18);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(ImmutableArray<bool> inside, Expr? y, int input, Expr t) =>
        Where.Apply(inside, t, Expr.Scalar(0, t.DType));
}
