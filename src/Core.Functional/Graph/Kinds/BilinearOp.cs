namespace Nabla.Core;

/// <summary>
/// The rule kind of a product y = B(a, b), linear in each operand (mm, mv, dot, bmm; a bias that is added is linear
/// too, see <see cref="Op{TSaved}.SumOfTerms"/>): its JVP is the product with one operand replaced by its tangent,
/// ẏ = B(ȧ, b) + B(a, ḃ), so it states the product on other operands and each operand's adjoint.
/// </summary>
public abstract class BilinearOp<TSaved>(string name, Saves saves = Saves.Tensors, bool isView = false)
    : Op<TSaved>(name, saves, isView)
{
    /// <summary>The saved operands a and b.</summary>
    protected internal abstract (Expr A, Expr B) Operands(TSaved saved);

    /// <summary>B(<paramref name="a"/>, <paramref name="b"/>): the same product (with the same settings) of other operands.</summary>
    protected internal abstract Reader<GradEnv, Expr> Product(TSaved saved, Expr a, Expr b);

    /// <summary>(∂y/∂operand)ᵀ · <paramref name="yBar"/> for operand <paramref name="input"/> (0 is a, 1 is b).</summary>
    protected internal abstract Reader<GradEnv, Expr> Adjoint(TSaved saved, Expr yBar, int input);

    /// <summary>The adjoint of the operand asked for.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Vjp(TSaved saved, Expr? y, Expr yBar, int input) => Adjoint(saved, yBar, input);

    /// <summary>ẏ = B(ȧ, b) + B(a, ḃ), a zero tangent's term left out.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Jvp(TSaved saved, Expr? y, Shape shape, Expr?[] xDots)
    {
        var (a, b) = Operands(saved);
        return SumOfTerms(xDots, (i, t) => i == 0 ? Product(saved, t, b) : Product(saved, a, t));
    }
}
