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

    /// <summary>
    /// Runs a core computation in the current environment. Faults are exceptions (see <see cref="Reading"/>), so the
    /// computation is invoked directly rather than through LanguageExt's <c>Run</c>, which would catch and rewrap them.
    /// </summary>
    public static A Run<A>(Reader<GradEnv, A> computation) => computation(Current).Unwrap();

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
