using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = cos x. x̄ = −ȳ ⊙ sin x.</summary>
public sealed class Cos : Op<Expr>
{
    static readonly Cos Rule = new();

    /// <inheritdoc/>
    public override string Name => "CosBackward0";


    /// <summary>cos x elementwise.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(UnaryKernel.Cos, x.Value), x, x);

    /// <inheritdoc/>
    protected internal override Seq<Reader<GradEnv, Expr>> Vjp(Expr saved, Expr? y, Expr yBar) =>
        Seq1(from s in Sin.Apply(saved) from g in Mul.Apply(yBar, s) from r in Neg.Apply(g) select r);
}
