using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a + b, broadcasting. ā = ȳ, b̄ = ȳ; ẏ = ȧ + ḃ.</summary>
public sealed class Add : Op<Unit>
{
    static readonly Add Rule = new();

    /// <inheritdoc/>
    public override string Name => "AddBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>a + b, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) => env => Forward(env, a, b);

    /// <summary>The forward rule, run in <paramref name="env"/> without building a computation first.</summary>
    internal static ReaderResult<Expr> Forward(GradEnv env, Expr a, Expr b) =>
        Rule.Record(env, Elementwise.Binary(BinaryKernel.Add, a.Value, b.Value, "add"), unit, a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) =>
        Pure(yBar);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) =>
        (xDots[0], xDots[1]) switch
        {
            ({ } aDot, { } bDot) => Apply(aDot, bDot),
            (var aDot, var bDot) => Pure((aDot ?? bDot)!),
        };
}
