using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a − b, broadcasting. ā = ȳ, b̄ = −ȳ.</summary>
public sealed class Sub : Op<Unit>
{
    static readonly Sub Rule = new();

    /// <inheritdoc/>
    public override string Name => "SubBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>a − b, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Sub, a.Value, b.Value, "sub"), unit, a, b);

    /// <inheritdoc/>
    protected internal override Seq<Reader<GradEnv, Expr>> Vjp(Unit saved, Expr? y, Expr yBar) =>
        Seq(Pure(yBar), Neg.Apply(yBar));
}
