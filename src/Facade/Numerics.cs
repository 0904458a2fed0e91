namespace Nabla;

/// <summary>Which numerics provider computes Nabla's matrix products in this process (chosen once, at first use).</summary>
public static class Numerics
{
    /// <summary>
    /// The provider in use, such as "Intel MKL (libmkl_rt.so, 2 threads, GNU OpenMP, reproducible)" or Math.NET's
    /// managed code; NABLA_PROVIDER=mkl or =managed chooses one.
    /// </summary>
    public static string Provider => Core.Numerics.Providers.Provider.Description;
}
