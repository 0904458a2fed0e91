using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>y = x as a new tensor (buffers are immutable, so the value is shared, not copied). ∂y/∂x = 1.</summary>
public sealed class Clone() : ElementwiseOp<Unit>("CloneBackward0", Saves.Shapes)
{
    static readonly Clone Rule = new();

    /// <summary>A new tensor equal to x, recorded as CloneBackward0.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) => env => Rule.Record(env, x.Value, unit, x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => Reading.Pure(t);
}
