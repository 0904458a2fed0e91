namespace Nabla.Core;

/// <summary>
/// y = x converted to another dtype: linear, with adjoint x̄ = ȳ converted back to x's dtype; Int64 results carry no
/// gradient.
/// </summary>
public sealed class Cast() : LinearOp<(DType From, DType To)>("ToCopyBackward0", Saves.Shapes)
{
    static readonly Cast Rule = new();

    /// <summary>x in <paramref name="dtype"/> (x itself when it already is; floats to Int64 truncate).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, DType dtype) =>
        env => x.DType == dtype ? ReaderResult<Expr>.New(x) : Rule.Record(env, Layout.Cast(x.Value, dtype), (x.DType, dtype), x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((DType From, DType To) s, Shape shape, Expr t) => Apply(t, s.To);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((DType From, DType To) s, Expr yBar) => Apply(yBar, s.From);
}
