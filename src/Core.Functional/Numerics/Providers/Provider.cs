using MathNet.Numerics.Providers.LinearAlgebra;

namespace Nabla.Core.Numerics.Providers;

/// <summary>
/// The linear-algebra provider behind every matrix product, chosen once per process: Intel MKL when libmkl_rt.so
/// loads, otherwise MathNet's managed provider. <c>NABLA_PROVIDER=managed|mkl</c> forces one. The choice is also
/// installed as MathNet's <see cref="LinearAlgebraControl.Provider"/>, so MathNet matrices use it too.
/// </summary>
public static class Provider
{
    /// <summary>The environment variable that forces a provider.</summary>
    public const string Variable = "NABLA_PROVIDER";

    const string InstallHint =
        "install Intel MKL from Debian's non-free section: " +
        "sed -i 's/^Components: main$/Components: main non-free/' /etc/apt/sources.list.d/debian.sources && " +
        "apt-get update && apt-get install -y libmkl-rt";

    static readonly Lazy<(string Name, ILinearAlgebraProvider LinearAlgebra)> chosen = new(Choose);

    /// <summary>"mkl" or "managed".</summary>
    public static string Name => chosen.Value.Name;

    /// <summary>The provider matrix products go through.</summary>
    public static ILinearAlgebraProvider LinearAlgebra => chosen.Value.LinearAlgebra;

    /// <summary>One line for logs and samples, e.g. <c>mkl: Intel MKL (libmkl_rt.so, 2 threads, GNU OpenMP, reproducible)</c>.</summary>
    public static string Description => Name == "mkl"
        ? $"mkl: {LinearAlgebra}"
        : $"managed: MathNet.Numerics managed provider ({MklNative.LoadError ?? "MKL not requested"})";

    static (string, ILinearAlgebraProvider) Choose()
    {
        var name = Decide(Environment.GetEnvironmentVariable(Variable), MklNative.IsLoaded, MklNative.LoadError);
        ILinearAlgebraProvider chosen = name == "mkl" ? new MklLinearAlgebraProvider() : ManagedLinearAlgebraProvider.Instance;
        LinearAlgebraControl.Provider = chosen;
        return (name, chosen);
    }

    /// <summary>
    /// The provider to use given <see cref="Variable"/>'s value and whether MKL loaded: "mkl" when it loaded and
    /// nothing else is asked for, "managed" otherwise; forcing "mkl" without MKL, or an unknown value, is an error.
    /// </summary>
    internal static string Decide(string? forced, bool mklLoaded, string? loadError) =>
        forced?.Trim().ToLowerInvariant() switch
        {
            null or "" => mklLoaded ? "mkl" : "managed",
            "mkl" => mklLoaded ? "mkl"
                : throw new InvalidOperationException($"{Variable}=mkl, but Intel MKL could not be loaded ({loadError}); {InstallHint}"),
            "managed" => "managed",
            var other => throw new ArgumentException($"{Variable} must be 'mkl' or 'managed', not '{other}'"),
        };
}
