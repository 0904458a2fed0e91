namespace Nabla.Core;

/// <summary>
/// The rule kind of an elementwise op y = f(x₀, x₁, …) (inputs broadcast to y's shape): its local Jacobian is
/// diagonal, so one partial derivative per input, t ↦ (∂y/∂xᵢ) ⊙ t, is both its VJP (applied to ȳ; the engine sums the
/// result back to xᵢ's shape) and its JVP term (applied to ẋᵢ; the JVP is the sum of the terms). A new elementwise op
/// is its forward kernel plus this one line of calculus. Batching (vmap) is the same for the whole kind: a leading
/// batch dimension broadcasts through.
/// </summary>
public abstract class ElementwiseOp<TSaved>(string name, Saves saves = Saves.Tensors, bool isView = false)
    : Op<TSaved>(name, saves, isView)
{
    /// <summary>
    /// (∂y/∂xᵢ) ⊙ <paramref name="t"/> for input <paramref name="input"/>, given what the forward saved and, when
    /// <see cref="Op{TSaved}.SavesOutput"/>, the output <paramref name="y"/>; built from ops, so it can be differentiated again.
    /// </summary>
    protected internal abstract Reader<GradEnv, Expr> Partial(TSaved saved, Expr? y, int input, Expr t);

    /// <summary>x̄ᵢ = (∂y/∂xᵢ) ⊙ ȳ.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Vjp(TSaved saved, Expr? y, Expr yBar, int input) =>
        Partial(saved, y, input, yBar);

    /// <summary>ẏ = Σᵢ (∂y/∂xᵢ) ⊙ ẋᵢ over the inputs whose tangent is not zero.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Jvp(TSaved saved, Expr? y, Shape shape, Expr?[] xDots) =>
        SumOfTerms(xDots, (i, t) => Partial(saved, y, i, t));
}
