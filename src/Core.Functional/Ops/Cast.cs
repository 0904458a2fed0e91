using LanguageExt;
using Nabla.Core.Numerics;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>
/// y = x converted to another dtype. x̄ = ȳ converted back to x's dtype, ẏ = ẋ converted to y's; Int64 results carry no
/// gradient.
/// </summary>
public sealed class Cast : Op<DType>
{
    static readonly Cast Rule = new();

    /// <inheritdoc/>
    public override string Name => "ToCopyBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>x in <paramref name="dtype"/> (x itself when it already is; floats to Int64 truncate).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, DType dtype) =>
        env => x.DType == dtype ? ReaderResult<Expr>.New(x) : Rule.Record(env, Layout.Cast(x.Value, dtype), x.DType, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp(DType dtype, Expr? y, Expr yBar, int input) => Apply(yBar, dtype);

    /// <inheritdoc/>
    // Only x's dtype is saved: the engine casts the tangent to y's, which is this rule's conversion.
    protected internal override Reader<GradEnv, Expr> Jvp(DType dtype, Expr? y, Shape shape, Expr?[] xDots) => Pure(xDots[0]!);
}
