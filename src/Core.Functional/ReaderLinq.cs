using Nabla.Core;


/// <summary>
/// LINQ over <c>Reader&lt;GradEnv, A&gt;</c> for derivative rules and users of the core. LanguageExt's generic versions
/// go through its type-class machinery and allocate several objects per step; these run each step directly. They sit
/// in the global namespace beside LanguageExt's own <c>ReaderExt</c> so that C# sees both at the same level wherever a
/// file's <c>using</c> directives sit (a namespace's own extension classes, and the global namespace's at the top
/// level, are looked up before imported ones), and picks these, the more specific. A fault propagates as the original
/// exception, which the edge's <c>Run</c> captures.
/// </summary>
public static class NablaReaderLinq
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
