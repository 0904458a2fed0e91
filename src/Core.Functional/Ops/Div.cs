using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a ⊘ b, broadcasting, in a floating dtype. ā = ȳ ⊘ b, b̄ = −ȳ ⊙ a ⊘ b²; ẏ = ȧ ⊘ b − ḃ ⊙ a ⊘ b².</summary>
public sealed class Div : Op<(Expr A, Expr B)>
{
    static readonly Div Rule = new();

    /// <inheritdoc/>
    public override string Name => "DivBackward0";

    /// <summary>a ⊘ b, broadcasting (true division: integer operands give a float).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) => env => Forward(env, a, b);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr a, Expr b) =>
        Rule.Record(env, Elementwise.Binary(BinaryKernel.Div, a.Value, b.Value, "div"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr A, Expr B) saved, Expr? y, Expr yBar, int input) =>
        input == 0
            ? Apply(yBar, saved.B)
            : from num in Mul.Apply(yBar, saved.A)
              from den in Mul.Apply(saved.B, saved.B)
              from q in Apply(num, den)
              from r in Neg.Apply(q)
              select r;

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr A, Expr B) saved, Expr? y, Shape shape, Expr?[] xDots)
    {
        var (a, b) = saved;
        // −ḃ ⊙ a ⊘ b², the tangent through the denominator.
        Reader<GradEnv, Expr> Denominator(Expr bDot) =>
            from num in Mul.Apply(bDot, a)
            from den in Mul.Apply(b, b)
            from q in Apply(num, den)
            from r in Neg.Apply(q)
            select r;
        return (xDots[0], xDots[1]) switch
        {
            ({ } aDot, null) => Apply(aDot, b),
            (null, { } bDot) => Denominator(bDot),
            (var aDot, var bDot) => from l in Apply(aDot!, b) from r in Denominator(bDot!) from s in Add.Apply(l, r) select s,
        };
    }
}
