namespace Nabla.Core;

/// <summary>Whether any (or every) element is nonzero, a 0-dimensional Bool constant.</summary>
public static class AnyAll
{
    /// <summary>torch.any (<paramref name="all"/> false) or torch.all.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, bool all) =>
        _ => ReaderResult<Expr>.New(Expr.Constant(Logic.Reduce(x.Value, all)));
}
