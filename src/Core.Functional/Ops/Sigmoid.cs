using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = σ(x) = 1 / (1 + e⁻ˣ). x̄ = ȳ ⊙ y ⊙ (1 − y).</summary>
public sealed class Sigmoid : Op<Unit>
{
    static readonly Sigmoid Rule = new();

    /// <inheritdoc/>
    public override string Name => "SigmoidBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>σ(x) elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Sigmoid, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Seq<Reader<GradEnv, Expr>> Vjp(Unit saved, Expr? y, Expr yBar) =>
        Seq1(from oneMinus in Sub.Rsub(Expr.Scalar(1, y!.DType), y!) from d in Mul.Apply(y!, oneMinus) from r in Mul.Apply(yBar, d) select r);
}
