namespace Nabla.Core;

/// <summary>
/// The rule kind of a scalar-valued op y = f(x₀, x₁, …) (a loss, the maximum of all elements): it states its gradient
/// as a product per input, t ↦ ∇ᵢf ⊙ t, which applied to the 0-dimensional ȳ is its VJP (x̄ᵢ = ȳ ∇ᵢf) and, summed
/// over the elements of ẋᵢ, its JVP term (ẏ = Σᵢ ⟨∇ᵢf, ẋᵢ⟩). Batching is the same with ȳ one scalar per batch item
/// and the JVP's sum over all but the batch dimension.
/// </summary>
public abstract class ScalarOp<TSaved>(string name, Saves saves = Saves.Tensors, bool isView = false)
    : Op<TSaved>(name, saves, isView)
{
    /// <summary>
    /// ∇ᵢf ⊙ <paramref name="t"/> for input <paramref name="input"/>, <paramref name="t"/> a 0-dimensional cotangent or a
    /// tangent of that input's shape; built from ops, so it can be differentiated again.
    /// </summary>
    protected internal abstract Reader<GradEnv, Expr> Gradient(TSaved saved, Expr? y, int input, Expr t);

    /// <summary>x̄ᵢ = ∇ᵢf ⊙ ȳ.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Vjp(TSaved saved, Expr? y, Expr yBar, int input) =>
        Gradient(saved, y, input, yBar);

    /// <summary>ẏ = Σᵢ Σ(∇ᵢf ⊙ ẋᵢ) over the inputs whose tangent is not zero.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Jvp(TSaved saved, Expr? y, Shape shape, Expr?[] xDots) =>
        SumOfTerms(xDots, (i, t) => from g in Gradient(saved, y, i, t) from s in Sum.Apply(g) select s);
}
