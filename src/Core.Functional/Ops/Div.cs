using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a ⊘ b, broadcasting, in a floating dtype. ā = ȳ ⊘ b, b̄ = −ȳ ⊙ a ⊘ b².</summary>
public sealed class Div : Op<(Expr A, Expr B)>
{
    static readonly Div Rule = new();

    /// <inheritdoc/>
    public override string Name => "DivBackward0";

    /// <summary>a ⊘ b, broadcasting (true division: integer operands give a float).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Div, a.Value, b.Value, "div"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr A, Expr B) saved, Expr? y, Expr yBar, int input) =>
        input == 0
            ? Apply(yBar, saved.B)
            : from num in Mul.Apply(yBar, saved.A)
              from den in Mul.Apply(saved.B, saved.B)
              from q in Apply(num, den)
              from r in Neg.Apply(q)
              select r;
}
