using LanguageExt;

namespace Nabla.Core;

/// <summary>Forward-mode helpers for rules that are sums of terms, such as those of the products (bilinear ops).</summary>
internal static class Bilinear
{
    /// <summary>ẏ = f(ȧ, b) + f(a, ḃ) for y = f(a, b) linear in each argument; a term with a zero (null) tangent is left out.</summary>
    public static Reader<GradEnv, Expr> Jvp(Func<Expr, Expr, Reader<GradEnv, Expr>> f, Expr a, Expr b, Expr? aDot, Expr? bDot) =>
        Terms(aDot is null ? null : f(aDot, b), bDot is null ? null : f(a, bDot));

    /// <summary>The sum of the terms that are not null (at least one is), broadcasting.</summary>
    public static Reader<GradEnv, Expr> Terms(params Reader<GradEnv, Expr>?[] terms) =>
        terms.OfType<Reader<GradEnv, Expr>>().Aggregate((l, r) => from a in l from b in r from s in Add.Apply(a, b) select s);
}
