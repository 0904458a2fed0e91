namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Providers.LinearAlgebra;
using Nabla.Core.Numerics.Providers;
// Nabla.Core.Transpose (an op) would shadow MathNet's enum.
using Transpose = MathNet.Numerics.Providers.LinearAlgebra.Transpose;

/// <summary>The numerics provider: how it is chosen, and that MKL and the managed code agree on every product.</summary>
public sealed class Providers
{
    [Fact]
    public void Mkl_is_chosen_when_it_loads_and_nothing_else_is_asked_for()
    {
        Assert.Equal("mkl", Provider.Decide(null, mklLoaded: true, loadError: null));
        Assert.Equal("managed", Provider.Decide("", mklLoaded: false, loadError: "not found"));
        Assert.Equal("managed", Provider.Decide("managed", mklLoaded: true, loadError: null));
        Assert.Equal("mkl", Provider.Decide(" MKL ", mklLoaded: true, loadError: null));
    }

    [Fact]
    public void Forcing_mkl_without_it_says_how_to_install_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Provider.Decide("mkl", mklLoaded: false, loadError: "none of libmkl_rt.so could be loaded"));
        Assert.Contains("NABLA_PROVIDER=mkl", e.Message);
        Assert.Contains("none of libmkl_rt.so could be loaded", e.Message);
        Assert.Contains("apt-get install -y libmkl-rt", e.Message);
        Assert.Contains("non-free", e.Message);
    }

    [Fact]
    public void An_unknown_provider_name_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Provider.Decide("gpu", mklLoaded: true, loadError: null));
        Assert.Contains("'mkl' or 'managed', not 'gpu'", e.Message);
    }

    [Fact]
    public void The_active_provider_is_the_one_the_environment_asks_for_and_MathNet_uses_it_too()
    {
        var expected = Provider.Decide(Environment.GetEnvironmentVariable(Provider.Variable), MklNative.IsLoaded, MklNative.LoadError);
        Assert.Equal(expected, Provider.Name);
        Assert.StartsWith(expected + ": ", Provider.Description);
        Assert.Same(Provider.LinearAlgebra, LinearAlgebraControl.Provider);
        Assert.IsType(expected == "mkl" ? typeof(MklLinearAlgebraProvider) : typeof(ManagedLinearAlgebraProvider), Provider.LinearAlgebra);
    }

    [Fact]
    public void Without_mkl_the_managed_provider_says_why()
    {
        if (MklNative.IsLoaded)
        {
            Assert.Null(MklNative.LoadError);
            Assert.Contains("Intel MKL", new MklLinearAlgebraProvider().ToString());
        }
        else
        {
            Assert.Equal("managed", Provider.Name);
            Assert.Contains(MklNative.LoadError!, Provider.Description);
        }
    }

    static readonly Gen<(int M, int N, int K, bool TA, bool TB, int Seed)> Products =
        from m in Gen.Choose(1, 40)
        from n in Gen.Choose(1, 40)
        from k in Gen.Choose(1, 40)
        from ta in Gen.Elements(true, false)
        from tb in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        select (m, n, k, ta, tb, seed);

    // c = α·op(a)·op(b) + β·c through both providers. Each entry is a k-term dot product of values in [−1, 1]:
    // the two summation orders differ by at most about k·ε·(k + 1) with ε the unit roundoff, so the tolerance is
    // 4·k·ε·(k + 1): 1e-15·k² in double, 5e-7·k² in float (entries are O(1)).
    [Property]
    public Property Mkl_and_managed_products_agree_in_double_and_float() =>
        Prop.ForAll(Products.ToArbitrary(), p =>
        {
            if (!MklNative.IsLoaded) return; // the managed provider is then the only one: nothing to compare
            var mkl = new MklLinearAlgebraProvider();
            var managed = ManagedLinearAlgebraProvider.Instance;
            var random = new Random(p.Seed);
            var (ta, tb) = (p.TA ? Transpose.Transpose : Transpose.DontTranspose, p.TB ? Transpose.Transpose : Transpose.DontTranspose);
            var (ra, ca) = p.TA ? (p.K, p.M) : (p.M, p.K);
            var (rb, cb) = p.TB ? (p.N, p.K) : (p.K, p.N);
            double[] Fill(int count) => Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            var (a, b, c) = (Fill(ra * ca), Fill(rb * cb), Fill(p.M * p.N));
            var (alpha, beta) = (random.NextDouble() + 0.5, random.NextDouble());

            var (cd1, cd2) = ((double[])c.Clone(), (double[])c.Clone());
            mkl.MatrixMultiplyWithUpdate(ta, tb, alpha, a, ra, ca, b, rb, cb, beta, cd1);
            managed.MatrixMultiplyWithUpdate(ta, tb, alpha, a, ra, ca, b, rb, cb, beta, cd2);
            AssertClose(cd1, cd2, 4 * p.K * (p.K + 1) * Math.Pow(2, -53) * 8, "double");

            float[] F(double[] x) => x.Select(v => (float)v).ToArray();
            var (cf1, cf2) = (F(c), F(c));
            mkl.MatrixMultiplyWithUpdate(ta, tb, (float)alpha, F(a), ra, ca, F(b), rb, cb, (float)beta, cf1);
            managed.MatrixMultiplyWithUpdate(ta, tb, (float)alpha, F(a), ra, ca, F(b), rb, cb, (float)beta, cf2);
            AssertClose(cf1.Select(v => (double)v).ToArray(), cf2.Select(v => (double)v).ToArray(), 4 * p.K * (p.K + 1) * Math.Pow(2, -24) * 8, "float");

            // The plain product (α = 1, β = 0) too.
            var (pm, pg) = (new double[p.M * p.N], new double[p.M * p.N]);
            if (!p.TA && !p.TB)
            {
                mkl.MatrixMultiply(a, ra, ca, b, rb, cb, pm);
                managed.MatrixMultiply(a, ra, ca, b, rb, cb, pg);
                AssertClose(pm, pg, 4 * p.K * (p.K + 1) * Math.Pow(2, -53) * 8, "double product");
            }
        });

    [Fact]
    public void Mkl_checks_dimensions_before_calling_native_code()
    {
        if (!MklNative.IsLoaded) return;
        var mkl = new MklLinearAlgebraProvider();
        var e = Assert.Throws<ArgumentException>(() => mkl.MatrixMultiply(new double[6], 2, 3, new double[8], 4, 2, new double[4]));
        Assert.Contains("2x3 and 4x2", e.Message);
        Assert.Throws<ArgumentException>(() => mkl.MatrixMultiply(new float[5], 2, 3, new float[6], 3, 2, new float[4]));
    }

    static void AssertClose(double[] x, double[] y, double tolerance, string what)
    {
        for (var i = 0; i < x.Length; i++)
            if (!(Math.Abs(x[i] - y[i]) <= tolerance))
                throw new Xunit.Sdk.XunitException($"{what}: entry {i} is {x[i]:R} with MKL and {y[i]:R} managed (tolerance {tolerance:E2})");
    }
}
