using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a − b, broadcasting (also s − b, rsub). ∂y/∂a = 1, ∂y/∂b = −1.</summary>
public sealed class Sub(string name) : ElementwiseOp<Unit>(name, Saves.Shapes)
{
    static readonly Sub Rule = new("SubBackward0"), RsubRule = new("RsubBackward1");

    /// <summary>a − b, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Sub, a.Value, b.Value, "sub"), unit, a, b);

    /// <summary>s − b for a number s on the left (PyTorch's rsub, RsubBackward1).</summary>
    public static Reader<GradEnv, Expr> Rsub(Expr s, Expr b) =>
        env => RsubRule.Record(env, Elementwise.Binary(BinaryKernel.Sub, s.Value, b.Value, "rsub"), unit, s, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) =>
        input == 0 ? Pure(t) : Neg.Apply(t);
}
