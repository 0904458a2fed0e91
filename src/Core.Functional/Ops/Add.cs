using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = a + b, broadcasting. ∂y/∂a = ∂y/∂b = 1.</summary>
public sealed class Add() : ElementwiseOp<Unit>("AddBackward0", Saves.Shapes)
{
    static readonly Add Rule = new();

    /// <summary>a + b, broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env => Rule.Record(env, Elementwise.Binary(BinaryKernel.Add, a.Value, b.Value, "add"), unit, a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Unit saved, Expr? y, int input, Expr t) => Pure(t);
}
