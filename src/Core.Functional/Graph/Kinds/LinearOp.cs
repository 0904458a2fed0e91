namespace Nabla.Core;

/// <summary>
/// The rule kind of an op linear in its one input, y = L(x) (reshape, transpose, select, expand, sum, mean, cast, ...),
/// or linear at its saved point (max pooling, whose L picks each window's saved maximum): its JVP is L applied to the
/// tangent, ẏ = L(ẋ), so beside L it states only its adjoint, x̄ = Lᵀ(ȳ) (autodidax's transpose rules: the adjoint of a
/// broadcast is a sum, of a selection a zero-padded scatter). Batching is the op with its dimensions shifted past the
/// batch dimension.
/// </summary>
public abstract class LinearOp<TSaved>(string name, Saves saves = Saves.Tensors, bool isView = false)
    : Op<TSaved>(name, saves, isView)
{
    /// <summary>L(<paramref name="t"/>): the op applied to a tangent of the input's shape, giving one of <paramref name="shape"/>, y's.</summary>
    protected internal abstract Reader<GradEnv, Expr> Map(TSaved saved, Shape shape, Expr t);

    /// <summary>Lᵀ(<paramref name="yBar"/>): the adjoint, from a cotangent of y's shape to one of the input's.</summary>
    protected internal abstract Reader<GradEnv, Expr> Adjoint(TSaved saved, Expr yBar);

    /// <summary>x̄ = Lᵀ(ȳ).</summary>
    protected internal sealed override Reader<GradEnv, Expr> Vjp(TSaved saved, Expr? y, Expr yBar, int input) => Adjoint(saved, yBar);

    /// <summary>ẏ = L(ẋ).</summary>
    protected internal sealed override Reader<GradEnv, Expr> Jvp(TSaved saved, Expr? y, Shape shape, Expr?[] xDots) => Map(saved, shape, xDots[0]!);
}
