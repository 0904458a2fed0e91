using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a ⊙ b, broadcasting. ∂y/∂a = b, ∂y/∂b = a.</summary>
public sealed class Mul() : ElementwiseOp<(Expr A, Expr B)>("MulBackward0")
{
    static readonly Mul Rule = new();

    /// <summary>a ⊙ b, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Mul, a.Value, b.Value, "mul"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial((Expr A, Expr B) saved, Expr? y, int input, Expr t) =>
        input == 0 ? Apply(t, saved.B) : Apply(t, saved.A);
}
