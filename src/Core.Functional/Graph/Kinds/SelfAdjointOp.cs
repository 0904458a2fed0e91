namespace Nabla.Core;

/// <summary>
/// The rule kind of a one-input op whose local Jacobian J is symmetric (softmax: J = diag(y) − y yᵀ): J·t is both its
/// VJP (t = ȳ) and its JVP (t = ẋ), so it states that one product. Elementwise unary ops are the diagonal case.
/// </summary>
public abstract class SelfAdjointOp<TSaved>(string name, Saves saves = Saves.Tensors, bool isView = false)
    : Op<TSaved>(name, saves, isView)
{
    /// <summary>J·<paramref name="t"/> at the saved point (and output <paramref name="y"/>, when saved).</summary>
    protected internal abstract Reader<GradEnv, Expr> JacobianTimes(TSaved saved, Expr? y, Expr t);

    /// <summary>x̄ = Jᵀ·ȳ = J·ȳ.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Vjp(TSaved saved, Expr? y, Expr yBar, int input) => JacobianTimes(saved, y, yBar);

    /// <summary>ẏ = J·ẋ.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Jvp(TSaved saved, Expr? y, Shape shape, Expr?[] xDots) => JacobianTimes(saved, y, xDots[0]!);
}
