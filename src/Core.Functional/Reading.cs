using System.Runtime.ExceptionServices;

namespace Nabla.Core;

/// <summary>
/// Helpers at the edge of a <see cref="Reader{Env, A}"/> computation, and the one way faults travel: a rule that meets
/// bad input throws an ordinary .NET exception (ArgumentException for shapes and arguments, InvalidOperationException
/// for autograd misuse). Nabla never builds a failed <see cref="ReaderResult{A}"/> itself; LanguageExt's <c>Run</c>
/// catches an exception thrown inside a computation into one, and <see cref="Unwrap{A}"/> rethrows the original
/// exception with its stack. A caller of the facade, or of <c>Run(env).Unwrap()</c>, sees exactly what the rule threw.
/// </summary>
public static class Reading
{
    /// <summary>A computation that ignores the environment and returns <paramref name="value"/>.</summary>
    public static Reader<GradEnv, A> Pure<A>(A value) => _ => ReaderResult<A>.New(value);

    /// <summary>The value of a finished computation; a fault rethrows the original exception with its stack.</summary>
    public static A Unwrap<A>(this ReaderResult<A> result) => result.IsFaulted ? Rethrow<A>(result) : result.IfFail(default(A)!);

    static A Rethrow<A>(ReaderResult<A> result) =>
        result.Match<A>(
            _ => throw new InvalidOperationException("a faulted result with a value"),
            error =>
            {
                if (error.Exception.IsSome) ExceptionDispatchInfo.Throw(Original((Exception)error.Exception));
                throw new InvalidOperationException(error.Message);
            });

    /// <summary>Evaluates <paramref name="m"/> in <paramref name="env"/> from inside another computation's interpreter.</summary>
    internal static A Eval<A>(this Reader<GradEnv, A> m, GradEnv env) => m(env).Unwrap();

    // LanguageExt wraps an exception it caught in an Exceptional error; ToException gives the wrapper's inner one back.
    static Exception Original(Exception e) =>
        e is LanguageExt.Common.ExceptionalException && e.InnerException is { } inner ? Original(inner) : e;
}
