namespace Nabla.Core;

/// <summary>
/// y = (a ∘ b) for a comparison ∘, elementwise with broadcasting, as Bool. Not differentiable: the result is a
/// constant that never requires grad and has no grad_fn, as PyTorch's.
/// </summary>
public static class Compare
{
    /// <summary>The comparison of a and b, both promoted to their result type.</summary>
    public static Reader<GradEnv, Expr> Apply(CompareKind kind, Expr a, Expr b) =>
        _ => ReaderResult<Expr>.New(Expr.Constant(Logic.Compare(kind, a.Value, b.Value, kind.ToString().ToLowerInvariant())));
}
