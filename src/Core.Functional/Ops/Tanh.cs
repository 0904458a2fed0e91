using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = tanh x. x̄ = ȳ ⊙ (1 − y²).</summary>
public sealed class Tanh : Op<Unit>
{
    static readonly Tanh Rule = new();

    /// <inheritdoc/>
    public override string Name => "TanhBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesOutput => true;

    /// <summary>tanh x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Tanh, x.Value), unit, x);

    /// <inheritdoc/>
    protected internal override Seq<Reader<GradEnv, Expr>> Vjp(Unit saved, Expr? y, Expr yBar) =>
        Seq1(from y2 in Mul.Apply(y!, y!)
             from d in Sub.Apply(Expr.Scalar(1, y!.DType), y2)
             from r in Mul.Apply(yBar, d)
             select r);
}
