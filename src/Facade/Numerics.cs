namespace Nabla;

/// <summary>Which numerics provider computes Nabla's matrix products in this process (chosen once, at first use).</summary>
public static class Numerics
{
    /// <summary>
    /// The provider in use, such as "mkl: Intel MKL (libmkl_rt.so, 2 threads, GNU OpenMP, reproducible)", or
    /// "managed: MathNet.Numerics managed provider; " and why MKL is not in use; NABLA_PROVIDER=mkl or =managed chooses one.
    /// </summary>
    /// <remarks>
    /// MKL is used only after it computes a known product exactly. Loading it sets two of MKL's process-wide modes:
    /// strict conditional numerical reproducibility (unless MKL_CBWR is set) and the GNU OpenMP threading layer (unless
    /// MKL_THREADING_LAYER is set). Nabla never sets MathNet's global LinearAlgebraControl.Provider.
    /// </remarks>
    public static string Provider => Core.Numerics.Providers.Provider.Description;
}
