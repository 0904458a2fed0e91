using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a ⊙ b, broadcasting. ā = ȳ ⊙ b, b̄ = ȳ ⊙ a; ẏ = ȧ ⊙ b + a ⊙ ḃ.</summary>
public sealed class Mul : Op<(Expr A, Expr B)>
{
    static readonly Mul Rule = new();

    /// <inheritdoc/>
    public override string Name => "MulBackward0";

    /// <summary>a ⊙ b, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) => env => Forward(env, a, b);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr a, Expr b) =>
        Rule.Record(env, Elementwise.Binary(BinaryKernel.Mul, a.Value, b.Value, "mul"), (a, b), a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr A, Expr B) saved, Expr? y, Expr yBar, int input) =>
        input == 0 ? Apply(yBar, saved.B) : Apply(yBar, saved.A);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr A, Expr B) saved, Expr? y, Shape shape, Expr?[] xDots) =>
        (xDots[0], xDots[1]) switch
        {
            ({ } aDot, null) => Apply(aDot, saved.B),
            (null, { } bDot) => Apply(saved.A, bDot),
            (var aDot, var bDot) => from l in Apply(aDot!, saved.B) from r in Apply(saved.A, bDot!) from s in Add.Apply(l, r) select s,
        };
}
