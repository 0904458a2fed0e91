using System.Collections.Immutable;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = ∏ x over all elements. ∇y = the product of the others, ∏_{j≠i} x_j: y / x without zeros, and with zeros the
/// values PyTorch's prod_backward gives (the product of the non-zeros at a lone zero, 0 elsewhere), built from ops
/// so that it is exact to second order with any number of zeros (see <see cref="Others"/>).
/// </summary>
public sealed class Prod() : ScalarOp<Expr>("ProdBackward0", Saves.Output)
{
    static readonly Prod Rule = new();

    /// <summary>∏ x, a 0-dimensional result (1 for no elements; Int64 stays Int64, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Reductions.ProdAll(x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Gradient(Expr x, Expr? y, int input, Expr t) =>
        from others in Others(x, y!, Apply, Sum.Apply, ZeroCounts(x.Value, null))
        from r in Mul.Apply(t, others)
        select r;

    /// <summary>
    /// ∏_{j≠i} x_j over each slice that <paramref name="product"/> reduces (its result kept so it broadcasts against x):
    /// y / x when x has no zeros. Otherwise, with P = ∏ of x with its zeros made 1 (the non-zeros' product), Q = ∏ of x
    /// with its non-zeros made 1 (the zeros') and S = Σ of the zeros: P at a zero alone in its slice, P·(S − x) at one of
    /// two (the other zero), and Q·P / x (x with zeros made 1) elsewhere. Each is a polynomial identity near the point,
    /// so the gradient is exact to second order (beyond two zeros in a slice every form is 0 with a zero derivative).
    /// </summary>
    internal static Reader<GradEnv, Expr> Others(Expr x, Expr yKept, Func<Expr, Reader<GradEnv, Expr>> product,
                                                 Func<Expr, Reader<GradEnv, Expr>> sum, double[]? zeroCounts)
    {
        if (x.Shape.Rank == 0) return Pure(Expr.Constant(NdArray.Full(x.Shape, 1, x.DType)));
        if (zeroCounts is null) return Div.Apply(yKept, x);
        var zero = ImmutableArray.CreateRange(x.Value.ToDoubles().Select(v => v == 0));
        var lone = ImmutableArray.CreateRange(zero.Select((z, i) => z && zeroCounts[i] == 1));
        var pair = ImmutableArray.CreateRange(zero.Select((z, i) => z && zeroCounts[i] == 2));
        var one = Expr.Scalar(1, x.DType);
        var none = Expr.Scalar(0, x.DType);
        return from nonZeros in Where.Apply(zero, one, x)
               from zeros in Where.Apply(zero, x, one)
               from onlyZeros in Where.Apply(zero, x, none)
               from p in product(nonZeros)
               from q in product(zeros)
               from s in sum(onlyZeros)
               from qp in Mul.Apply(q, p)
               from rest in Div.Apply(qp, nonZeros)
               from other in Sub.Apply(s, x)
               from paired in Mul.Apply(p, other)
               from full in Expand.Apply(p, x.Shape)
               from twos in Where.Apply(pair, paired, rest)
               from r in Where.Apply(lone, full, twos)
               select r;
    }

    /// <summary>
    /// For each element of x, the number of zeros in its slice along <paramref name="dim"/> (in all of x when null); null
    /// when x has no zeros.
    /// </summary>
    internal static double[]? ZeroCounts(NdArray x, int? dim)
    {
        var values = x.ToDoubles();
        if (!values.Contains(0)) return null;
        var zeros = NdArray.From(values.Select(v => v == 0 ? 1.0 : 0.0).ToArray(), x.Shape, DType.Float64);
        var counts = dim is { } d ? Reductions.SumDim(zeros, d, keepDim: true) : Reductions.SumAll(zeros);
        return Layout.Expand(counts, x.Shape).ToDoubles();
    }
}

/// <summary>
/// y = ∏ x over one dimension, kept as size 1 with keepDim. x̄ = ȳ (unsqueezed) ⊙ ∏ of the others in x's slice, and
/// ẏ = Σ_dim ẋ ⊙ that product, as <see cref="Prod"/> states it (PyTorch's ProdBackward1).
/// </summary>
public sealed class ProdDim() : Op<(Expr X, int Dim, bool KeepDim)>("ProdBackward1", Saves.Output)
{
    static readonly ProdDim Rule = new();

    /// <summary>∏ x over <paramref name="dim"/> (negative counts from the end; 1 for an empty dim).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, bool keepDim = false) =>
        env =>
        {
            var d = x.Shape.NormalizeDim(dim, "prod");
            return Rule.Record(env, Reductions.ProdDim(x.Value, d, keepDim), (x, d, keepDim), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, int Dim, bool KeepDim) s, Expr? y, Expr yBar, int input) =>
        from others in Others(s, y!)
        from g in SumDim.Spread((s.X.Shape, s.Dim, s.KeepDim), yBar)
        from r in Mul.Apply(g, others)
        select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, int Dim, bool KeepDim) s, Expr? y, Shape shape, Expr?[] xDots) =>
        from others in Others(s, y!)
        from t in Mul.Apply(xDots[0]!, others)
        from r in SumDim.Apply(t, s.Dim, s.KeepDim)
        select r;

    static Reader<GradEnv, Expr> Others((Expr X, int Dim, bool KeepDim) s, Expr y) =>
        from kept in s.KeepDim || s.X.Shape.Rank == 0 ? Pure(y) : Reshape.Apply(y, s.X.Shape.Reduce(s.Dim, keepDim: true))
        from r in Prod.Others(s.X, kept, e => Apply(e, s.Dim, keepDim: true), e => SumDim.Apply(e, s.Dim, keepDim: true),
                                   Prod.ZeroCounts(s.X.Value, s.Dim))
        select r;
}
