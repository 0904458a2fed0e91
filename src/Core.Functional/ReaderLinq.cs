using LanguageExt;

namespace Nabla.Core;

/// <summary>
/// LINQ over <c>Reader&lt;GradEnv, A&gt;</c> for derivative rules. LanguageExt's generic versions go through its
/// type-class machinery and allocate several objects per step; being in this namespace, these are found first and
/// run each step directly. A fault propagates as the original exception, which the edge's <c>Run</c> captures.
/// </summary>
public static class ReaderLinq
{
    /// <summary>Maps the result.</summary>
    public static Reader<GradEnv, B> Select<A, B>(this Reader<GradEnv, A> ma, Func<A, B> f) =>
        env => ReaderResult<B>.New(f(ma(env).Unwrap()));

    /// <summary>Sequences two computations in the same environment.</summary>
    public static Reader<GradEnv, C> SelectMany<A, B, C>(this Reader<GradEnv, A> ma, Func<A, Reader<GradEnv, B>> bind,
                                                          Func<A, B, C> project) =>
        env =>
        {
            var a = ma(env).Unwrap();
            return ReaderResult<C>.New(project(a, bind(a)(env).Unwrap()));
        };
}
