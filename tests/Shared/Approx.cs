namespace Nabla.Tests;

/// <summary>
/// Floating-point assertions with an explicit, derived tolerance. A vector kernel sums and rounds in an order that
/// depends on the CPU's vector width (AVX2 against AVX-512) and on where a buffer lies, so tests compare against a bound
/// worked out from the computation — never by rounding both sides to N decimals (two values 1e-14 apart straddle a
/// rounding boundary) and never bit for bit across kernels.
/// </summary>
internal static class Approx
{
    /// <summary>Machine epsilon of Float64, 2⁻⁵².</summary>
    public const double Eps64 = 2.220446049250313e-16;

    /// <summary>Machine epsilon of Float32, 2⁻²³.</summary>
    public const double Eps32 = 1.1920928955078125e-7;

    /// <summary>|actual − expected| ≤ tolerance, with both values and the gap in the message.</summary>
    public static void Within(double expected, double actual, double tolerance, string? what = null)
    {
        var gap = Math.Abs(actual - expected);
        if (!(gap <= tolerance))
            throw new Xunit.Sdk.XunitException(
                $"{(what is null ? "" : what + ": ")}expected {expected:R}, got {actual:R} (difference {gap:E3}, tolerance {tolerance:E3})");
    }

    /// <summary>|actual − expected| ≤ relative · max(|expected|, floor): relative error, absolute below <paramref name="floor"/>.</summary>
    public static void Relative(double expected, double actual, double relative, double floor = 1, string? what = null) =>
        Within(expected, actual, relative * Math.Max(Math.Abs(expected), floor), what);

    /// <summary>Elementwise <see cref="Within"/> over two arrays of equal length.</summary>
    public static void Within(double[] expected, double[] actual, double tolerance, string? what = null)
    {
        if (expected.Length != actual.Length)
            throw new Xunit.Sdk.XunitException($"{what}: expected {expected.Length} values, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++) Within(expected[i], actual[i], tolerance, $"{what} element {i}");
    }

    /// <summary>
    /// The rounding-error bound of a sum of <paramref name="terms"/> in any order (Higham, Accuracy and Stability,
    /// §4.2): |ŝ − s| ≤ (n − 1)·ε·Σ|tᵢ|. What two summation orders of the same terms may differ by, at most, is twice that.
    /// </summary>
    public static double SumBound(IReadOnlyCollection<double> terms, double eps = Eps64) =>
        Math.Max(terms.Count - 1, 1) * eps * terms.Sum(Math.Abs);
}
