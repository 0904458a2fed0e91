namespace Nabla.Core;

/// <summary>
/// Logical ops on tensors read as Bool (nonzero is true): ¬x, x ∧ y, x ∨ y, any and all. Not differentiable: Bool
/// constants that never require grad.
/// </summary>
public static class Logical
{
    /// <summary>¬x (<paramref name="b"/> null), or x ∧ y / x ∨ y with broadcasting.</summary>
    public static Reader<GradEnv, Expr> Apply(LogicKind? kind, Expr a, Expr? b = null) =>
        _ => ReaderResult<Expr>.New(Expr.Constant(kind is { } k && b is not null
            ? Logic.Combine(k, a.Value, b.Value, k == LogicKind.And ? "logical_and" : "logical_or")
            : Logic.Not(a.Value)));
}
