using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = a ⊘ b, broadcasting, in a floating dtype. ā = ȳ ⊘ b, b̄ = −ȳ ⊙ (y ⊘ b); ẏ = ȧ ⊘ b − ḃ ⊙ (y ⊘ b). The divisor's
/// factor is (a ⊘ b) ⊘ b, as PyTorch's div_tensor_other_backward computes it, never a ⊘ b², whose b² under- or
/// overflows for |b| outside about [1e-19, 1e19] in Float32 (x ⊘ x at 1e-30 would get −∞ there instead of 0).
/// </summary>
public sealed class Div : Op<(Expr A, Expr B)>
{
    static readonly Div Rule = new();

    /// <inheritdoc/>
    public override string Name => "DivBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>a ⊘ b, broadcasting (true division: integer operands give a float).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) => env => Forward(env, a, b);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr a, Expr b) =>
        Rule.Record(env, Elementwise.Binary(BinaryKernel.Div, a.Value, b.Value, "div"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr A, Expr B) saved, Expr? y, Expr yBar, int input) =>
        input == 0 ? Apply(yBar, saved.B) : Divisor(yBar, y!, saved.B);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr A, Expr B) saved, Expr? y, Shape shape, Expr?[] xDots)
    {
        var b = saved.B;
        return (xDots[0], xDots[1]) switch
        {
            ({ } aDot, null) => Apply(aDot, b),
            (null, { } bDot) => Divisor(bDot, y!, b),
            (var aDot, var bDot) => from l in Apply(aDot!, b) from r in Divisor(bDot!, y!, b) from s in Add.Apply(l, r) select s,
        };
    }

    // −t ⊙ (y ⊘ b): the divisor's part of either product, t a cotangent or a tangent. y is the recorded output, so a
    // second derivative flows through it back to a and b.
    static Reader<GradEnv, Expr> Divisor(Expr t, Expr y, Expr b) =>
        from q in Apply(y, b)
        from g in Mul.Apply(t, q)
        from r in Neg.Apply(g)
        select r;
}
