using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = a ⊘ b, broadcasting, in a floating dtype. ∂y/∂a = 1 ⊘ b, ∂y/∂b = −y ⊘ b. The divisor's
/// factor is (a ⊘ b) ⊘ b, as PyTorch's div_tensor_other_backward computes it, never a ⊘ b², whose b² under- or
/// overflows for |b| outside about [1e-19, 1e19] in Float32 (x ⊘ x at 1e-30 would get −∞ there instead of 0).
/// </summary>
public sealed class Div() : ElementwiseOp<(Expr A, Expr B)>("DivBackward0", Saves.Output)
{
    static readonly Div Rule = new();

    /// <summary>a ⊘ b, broadcasting (true division: integer operands give a float).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Div, a.Value, b.Value, "div"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr A, Expr B) saved, Expr? y, int input, Expr t) =>
        input == 0
            ? Apply(t, saved.B)
            // −t ⊙ (y ⊘ b); y is the recorded output, so a second derivative flows through it back to a and b.
            : from q in Apply(y!, saved.B)
              from g in Mul.Apply(t, q)
              from r in Neg.Apply(g)
              select r;
}
