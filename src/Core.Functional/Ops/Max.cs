using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Nabla.Core;

/// <summary>
/// y = max over all elements. ∇y = 1/k at each of the k elements equal to the maximum, 0 elsewhere (PyTorch's
/// evenly_distribute_backward; NaN counts as equal to a NaN maximum).
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
    protected internal override Reader<GradEnv, Expr> Gradient(Expr x, Expr? y, int input, Expr t) => Mul.Apply(t, Expr.Constant(Reductions.EvenShares(x.Value, y!.Value, t.DType)));
}

/// <summary>
/// (values, indices) = the first maximum (or minimum) along a dim and its index (torch.max(x, dim), torch.min(x, dim)):
/// linear at the saved indices, values = x taken at them, so ẏ = ẋ taken there and x̄ = zeros with ȳ scattered back
/// (PyTorch's MaxBackward0 / MinBackward0, index_select style: one element per slice gets the whole gradient, also on
/// ties). The indices are Int64 and never require grad.
/// </summary>
public sealed class MaxDim(string name, bool max) : LinearOp<(ImmutableArray<int> Indices, Shape Input)>(name)
{
    static readonly MaxDim MaxRule = new("MaxBackward0", max: true), MinRule = new("MinBackward0", max: false);
    readonly bool max = max;

    /// <summary>The first maximum along <paramref name="dim"/> (a NaN wins) and its Int64 index.</summary>
    public static Reader<GradEnv, (Expr Values, Expr Indices)> Apply(Expr x, int dim, bool keepDim = false) => Along(MaxRule, x, dim, keepDim, "max");

    /// <summary>The first minimum along <paramref name="dim"/> (a NaN wins) and its Int64 index.</summary>
    public static Reader<GradEnv, (Expr Values, Expr Indices)> Min(Expr x, int dim, bool keepDim = false) => Along(MinRule, x, dim, keepDim, "min");

    static Reader<GradEnv, (Expr Values, Expr Indices)> Along(MaxDim rule, Expr x, int dim, bool keepDim, string op) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, op);
            var (values, indices, flat) = AlongDim.Extreme(x.Value, d, keepDim, rule.max, op);
            var y = rule.Record(env, values, (ImmutableCollectionsMarshal.AsImmutableArray(flat), x.Shape), x).Unwrap();
            return ReaderResult<(Expr, Expr)>.New((y, Expr.Constant(indices)));
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((ImmutableArray<int> Indices, Shape Input) s, Shape shape, Expr t) =>
        Take.Apply(t, s.Indices, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((ImmutableArray<int> Indices, Shape Input) s, Expr yBar) =>
        MaxPool2dBackward.Apply(yBar, s.Indices, s.Input);
}
