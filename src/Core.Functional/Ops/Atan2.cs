namespace Nabla.Core;

/// <summary>
/// y = atan2(a, b), the angle of the point (b, a) in (−π, π], broadcasting, in a floating dtype.
/// ∂y/∂a = b/(a² + b²), ∂y/∂b = −a/(a² + b²).
/// </summary>
public sealed class Atan2() : ElementwiseOp<(Expr A, Expr B)>("Atan2Backward0")
{
    static readonly Atan2 Rule = new();

    /// <summary>atan2(a, b) elementwise, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Pairwise(PairKernel.Atan2, a.Value, b.Value, "atan2"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr A, Expr B) saved, Expr? y, int input, Expr t) =>
        from a2 in Mul.Apply(saved.A, saved.A)
        from b2 in Mul.Apply(saved.B, saved.B)
        from d in Add.Apply(a2, b2)
        from n in Mul.Apply(t, input == 0 ? saved.B : saved.A)
        from q in Div.Apply(n, d)
        from r in input == 0 ? Reading.Pure(q) : Neg.Apply(q)
        select r;
}
