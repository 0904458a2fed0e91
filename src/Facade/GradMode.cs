using LanguageExt;
using Nabla.Core;

namespace Nabla;

/// <summary>
/// The facade's only grad-mode state: the current core <see cref="GradEnv"/> of this async flow. Scopes apply one of
/// GradEnv's transforms on entry and put back the saved environment on exit, so the closest scope wins; this is
/// also the one place that runs core computations.
/// </summary>
internal static class GradMode
{
    static readonly AsyncLocal<GradEnv?> current = new();

    /// <summary>The environment of the calling flow (the default one until a scope or plain call changes it).</summary>
    public static GradEnv Current => current.Value ?? GradEnv.Default;

    /// <summary>Applies <paramref name="transform"/> now; disposing restores the environment seen at the call.</summary>
    public static IDisposable Push(Func<GradEnv, GradEnv> transform)
    {
        var saved = current.Value;
        current.Value = transform(Current);
        return new Restore(saved);
    }

    /// <summary>Runs <paramref name="f"/> with <paramref name="transform"/> applied, restoring the caller's mode after (also on exceptions).</summary>
    public static TResult Within<TResult>(Func<GradEnv, GradEnv> transform, Func<TResult> f)
    {
        using var _ = Push(transform);
        return f();
    }

    /// <summary>Runs a core computation in the current environment; a fault rethrows the original exception.</summary>
    public static A Run<A>(Reader<GradEnv, A> computation) => computation.Run(Current).Unwrap();

    /// <summary>Runs a core forward rule, <paramref name="rule"/>(env, x), in the current environment: Run without a computation to build.</summary>
    public static A Run<T, A>(Func<GradEnv, T, ReaderResult<A>> rule, T x) => rule(Current, x).Unwrap();

    /// <summary>Runs a core forward rule, <paramref name="rule"/>(env, a, b), in the current environment: Run without a computation to build.</summary>
    public static A Run<T1, T2, A>(Func<GradEnv, T1, T2, ReaderResult<A>> rule, T1 a, T2 b) => rule(Current, a, b).Unwrap();

    sealed class Restore(GradEnv? saved) : IDisposable
    {
        bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            current.Value = saved;
        }
    }
}
