using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = x as a new tensor. x̄ = ȳ, ẏ = ẋ. (Buffers are immutable, so the value is shared, not copied.)</summary>
public sealed class Clone : Op<Unit>
{
    static readonly Clone Rule = new();

    /// <inheritdoc/>
    public override string Name => "CloneBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>A new tensor equal to x, recorded as CloneBackward0.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Rule.Record(env, x.Value, unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(Unit saved, Expr? y, Expr yBar, int input) => Reading.Pure(yBar);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp(Unit saved, Expr? y, Shape shape, Expr?[] xDots) => Reading.Pure(xDots[0]!);
}
