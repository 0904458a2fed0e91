using System.Diagnostics.CodeAnalysis;

namespace Nabla.Core.Numerics.Providers;

/// <summary>
/// The GEMM behind every matrix product, chosen once per process at first use: Intel MKL when libmkl_rt.so loads and
/// computes a known product right in both precisions, MathNet's managed code otherwise (with the reason in
/// <see cref="Description"/>). <c>NABLA_PROVIDER=managed|mkl</c> forces one. Nabla never reads or sets MathNet's
/// global <c>LinearAlgebraControl.Provider</c>, so MathNet matrices keep whatever their user configured. Loading MKL
/// puts it in strict reproducible mode and on GNU OpenMP threads, process-wide, unless <c>MKL_CBWR</c> or
/// <c>MKL_THREADING_LAYER</c> is set, which then wins; <c>NABLA_PROVIDER=managed</c> does not load MKL at all.
/// </summary>
public static class Provider
{
    /// <summary>The environment variable that forces a provider.</summary>
    public const string Variable = "NABLA_PROVIDER";

    const string InstallHint =
        "install Intel MKL from Debian's non-free section: " +
        "sed -i 's/^Components: main$/Components: main non-free/' /etc/apt/sources.list.d/debian.sources && " +
        "apt-get update && apt-get install -y libmkl-rt";

    static readonly Lazy<IGemm> chosen = new(() => Choose(Environment.GetEnvironmentVariable(Variable), MklGemm.Load));

    /// <summary>The GEMM matrix products go through.</summary>
    internal static IGemm Gemm => chosen.Value;

    /// <summary>"mkl" or "managed".</summary>
    public static string Name => Gemm.Name;

    /// <summary>
    /// One line for logs and samples, e.g. <c>mkl: Intel MKL (libmkl_rt.so, 2 threads, GNU OpenMP, reproducible)</c>,
    /// or <c>managed: MathNet.Numerics managed provider; </c> and why MKL is not in use.
    /// </summary>
    public static string Description => Gemm.Description;

    /// <summary>
    /// The GEMM to use given <see cref="Variable"/>'s value and a way to load MKL's (called only when MKL may be used):
    /// MKL's when it loads and passes <see cref="Check"/> and nothing else is asked for, the managed one otherwise,
    /// saying why; forcing "mkl" when MKL fails to load or to check, or an unknown value, is an error.
    /// </summary>
    internal static IGemm Choose(string? forced, Func<IGemm> mkl) =>
        forced?.Trim().ToLowerInvariant() switch
        {
            null or "" => TryUse(mkl, out var gemm, out var why) ? gemm : new ManagedGemm(why),
            "mkl" => TryUse(mkl, out var gemm, out var why) ? gemm : throw new InvalidOperationException($"{Variable}=mkl, but {why}; {InstallHint}"),
            "managed" => new ManagedGemm($"MKL not requested ({Variable}=managed)"),
            var other => throw new ArgumentException($"{Variable} must be 'mkl' or 'managed', not '{other}'"),
        };

    // Math.NET's TryUse: load, verify, and use only what verified; why not, when not.
    static bool TryUse(Func<IGemm> load, [NotNullWhen(true)] out IGemm? gemm, [NotNullWhen(false)] out string? why)
    {
        gemm = null;
        try
        {
            gemm = load();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            why = $"Intel MKL could not be loaded ({e.Message})";
            return false;
        }
        if (Check(gemm) is not { } wrong)
        {
            why = null;
            return true;
        }
        (gemm, why) = (null, $"Intel MKL failed its check ({wrong})");
        return false;
    }

    // A = [1 2 3; 4 5 6] (2×3), B = [7 8; 9 10; 11 12] (3×2): A·B = [58 64; 139 154]. Every value is an integer
    // below 2²⁴, so both precisions must give it exactly.
    static readonly double[] A = [1, 2, 3, 4, 5, 6], B = [7, 8, 9, 10, 11, 12], AT = [1, 4, 2, 5, 3, 6], BT = [7, 9, 11, 8, 10, 12];
    static readonly double[] Product = [58, 64, 139, 154], Update = [1, 2, 3, 4], Updated = [115, 126, 275, 304];

    /// <summary>
    /// Null when <paramref name="gemm"/> computes A·B of a known 2×3 A and 3×2 B exactly, into a C holding NaN (β = 0
    /// overwrites), and 2·A·B − C from Aᵀ and Bᵀ read transposed, in single and double precision; otherwise what it
    /// computed instead, or the exception it threw.
    /// </summary>
    internal static string? Check(IGemm gemm)
    {
        try
        {
            return Compare("double A·B", Run(gemm, false, 1, A, B, 0, [double.NaN, double.NaN, double.NaN, double.NaN]), Product)
                ?? Compare("double α = 2, β = −1, both transposed", Run(gemm, true, 2, AT, BT, -1, Update), Updated)
                ?? Compare("float A·B", Run(gemm, false, 1f, F(A), F(B), 0f, [float.NaN, float.NaN, float.NaN, float.NaN]), Product)
                ?? Compare("float α = 2, β = −1, both transposed", Run(gemm, true, 2f, F(AT), F(BT), -1f, F(Update)), Updated);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        static float[] F(double[] x) => Array.ConvertAll(x, v => (float)v);
    }

    static double[] Run(IGemm gemm, bool transposed, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        var result = (double[])c.Clone();
        gemm.Multiply(transposed, transposed, 2, 2, 3, alpha, (double[])a.Clone(), (double[])b.Clone(), beta, result);
        return result;
    }

    static double[] Run(IGemm gemm, bool transposed, float alpha, float[] a, float[] b, float beta, float[] c)
    {
        var result = (float[])c.Clone();
        gemm.Multiply(transposed, transposed, 2, 2, 3, alpha, a, b, beta, result);
        return Array.ConvertAll(result, v => (double)v);
    }

    static string? Compare(string what, double[] got, double[] expected) =>
        got.AsSpan().SequenceEqual(expected) ? null : $"{what} gave [{string.Join(", ", got)}], not [{string.Join(", ", expected)}]";
}
