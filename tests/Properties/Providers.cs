namespace Nabla.Properties;

using FsCheck.Xunit;

using System.Reflection;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Providers.LinearAlgebra;
using Nabla.Core.Numerics.Providers;
// Nabla.Core.Transpose (an op) would shadow MathNet's enum.
using Transpose = MathNet.Numerics.Providers.LinearAlgebra.Transpose;

/// <summary>
/// The numerics provider: verified, then chosen once (NABLA_PROVIDER forcing one); MKL and the managed code agree on
/// every product; MathNet's global provider is left alone.
/// </summary>
public sealed class Providers
{
    static readonly IGemm Managed = new ManagedGemm("test");

    // ---- verify, then choose ----

    [Fact]
    public void A_gemm_that_computes_the_probe_right_is_chosen_when_nothing_else_is_asked_for()
    {
        var good = new Renamed(Managed, "mkl");
        Assert.Same(good, Provider.Choose(null, () => good));
        Assert.Same(good, Provider.Choose("", () => good));
        Assert.Same(good, Provider.Choose(" MKL ", () => good));
        Assert.Null(Provider.Check(Managed));
    }

    [Fact]
    public void A_gemm_whose_probe_product_is_wrong_is_rejected_and_the_managed_one_says_why()
    {
        // The classic layout bug: row-major buffers handed to a column-major GEMM unswapped.
        var chosen = Provider.Choose(null, () => new ColumnMajor());
        Assert.IsType<ManagedGemm>(chosen);
        Assert.Equal("managed", chosen.Name);
        Assert.StartsWith("managed: MathNet.Numerics managed provider; Intel MKL failed its check (double A·B gave [", chosen.Description);
        Assert.Contains("not [58, 64, 139, 154]", chosen.Description);
    }

    [Fact]
    public void The_probe_checks_beta_zero_overwrites_and_the_transposed_update_in_both_precisions()
    {
        Assert.Contains("double A·B gave [NaN, NaN, NaN, NaN]", Provider.Check(new Faulty(readsC: true)));
        Assert.Contains("double α = 2, β = −1, both transposed gave [", Provider.Check(new Faulty(ignoresTranspose: true)));
        Assert.Contains("float A·B gave [0, 0, 0, 0]", Provider.Check(new Faulty(breaksFloat: true)));
    }

    [Fact]
    public void A_gemm_that_throws_in_its_probe_is_rejected_with_the_exception()
    {
        var chosen = Provider.Choose(null, () => new Throwing());
        Assert.IsType<ManagedGemm>(chosen);
        Assert.Contains("Intel MKL failed its check (EntryPointNotFoundException: cblas_dgemm is missing)", chosen.Description);
    }

    [Fact]
    public void Mkl_that_does_not_load_gives_the_managed_gemm_with_the_load_error()
    {
        var chosen = Provider.Choose(null, () => throw new DllNotFoundException("none of libmkl_rt.so could be loaded"));
        Assert.Equal("managed: MathNet.Numerics managed provider; Intel MKL could not be loaded (none of libmkl_rt.so could be loaded)", chosen.Description);
    }

    [Fact]
    public void Forcing_managed_does_not_even_load_mkl()
    {
        var loaded = false;
        var chosen = Provider.Choose(" managed", () => { loaded = true; return Managed; });
        Assert.False(loaded);
        Assert.Equal("managed: MathNet.Numerics managed provider; MKL not requested (NABLA_PROVIDER=managed)", chosen.Description);
    }

    [Fact]
    public void Forcing_mkl_without_it_says_how_to_install_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Provider.Choose("mkl", () => throw new DllNotFoundException("none of libmkl_rt.so could be loaded")));
        Assert.StartsWith("NABLA_PROVIDER=mkl, but Intel MKL could not be loaded (none of libmkl_rt.so could be loaded); install Intel MKL", e.Message);
        Assert.Contains("apt-get install -y libmkl-rt", e.Message);
        Assert.Contains("non-free", e.Message);
    }

    [Fact]
    public void Forcing_mkl_that_fails_its_check_is_an_error_too()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Provider.Choose("mkl", () => new ColumnMajor()));
        Assert.StartsWith("NABLA_PROVIDER=mkl, but Intel MKL failed its check (double A·B gave [", e.Message);
        Assert.Contains("apt-get install -y libmkl-rt", e.Message);
    }

    [Fact]
    public void An_unknown_provider_name_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Provider.Choose("gpu", () => Managed));
        Assert.Equal("NABLA_PROVIDER must be 'mkl' or 'managed', not 'gpu'", e.Message);
    }

    [Fact]
    public void The_active_provider_is_the_one_the_environment_asks_for()
    {
        var forced = Environment.GetEnvironmentVariable(Provider.Variable)?.Trim().ToLowerInvariant();
        var expected = forced is "mkl" or "managed" ? forced : MklNative.IsLoaded ? "mkl" : "managed";
        Assert.Equal(expected, Provider.Name);
        Assert.StartsWith(expected + ": ", Provider.Description);
        Assert.Equal(Provider.Description, Numerics.Provider);
        Assert.IsType(expected == "mkl" ? typeof(MklGemm) : typeof(ManagedGemm), Provider.Gemm);
        if (expected == "mkl") Assert.Matches(@"^mkl: Intel MKL \(libmkl_rt\.so[.0-9]*, \d+ threads, ", Provider.Description);
        else if (forced != "managed") Assert.Contains(MklNative.LoadError!, Provider.Description);
    }

    [Fact]
    public void Mkl_passes_its_check_where_it_loads()
    {
        if (!MklNative.IsLoaded)
        {
            Assert.NotNull(MklNative.LoadError);
            Assert.Throws<DllNotFoundException>(MklGemm.Load);
            return;
        }
        Assert.Null(MklNative.LoadError);
        Assert.Null(Provider.Check(MklGemm.Load()));
        // The threading layer is Nabla's choice unless the user set MKL_THREADING_LAYER, which MKL then follows.
        if (Environment.GetEnvironmentVariable("MKL_THREADING_LAYER") is { Length: > 0 } layer) Assert.Equal($"MKL_THREADING_LAYER={layer}", MklNative.ThreadingLayer);
        else Assert.Contains(MklNative.ThreadingLayer, new[] { "GNU OpenMP", "Intel OpenMP" });
    }

    // MKL's own reading of its mode (MKL_CBWR_Get(MKL_CBWR_ALL)): Nabla's AUTO | STRICT (0x10002), or what the
    // user's MKL_CBWR asked for (COMPATIBLE is 3), which Nabla must not override.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    delegate int CbwrGet(int which);

    [Fact]
    public void Mkl_runs_in_strict_reproducible_mode_unless_the_user_set_MKL_CBWR()
    {
        if (!MklNative.IsLoaded) return;
        var get = Marshal.GetDelegateForFunctionPointer<CbwrGet>(NativeLibrary.GetExport(NativeLibrary.Load(MklNative.Library!), "MKL_CBWR_Get"));
        var mode = get(~0);
        switch (Environment.GetEnvironmentVariable("MKL_CBWR"))
        {
            case null or "":
                Assert.Equal("reproducible", MklNative.Cbwr);
                Assert.Equal(0x10002, mode);
                break;
            case var asked:
                Assert.Equal($"MKL_CBWR={asked}", MklNative.Cbwr);
                if (asked == "COMPATIBLE") Assert.Equal(3, mode);
                break;
        }
    }

    // ---- MathNet's global provider ----

    [Fact]
    public void Choosing_and_using_Nabla_s_gemm_leaves_MathNet_s_global_provider_alone()
    {
        var before = LinearAlgebraControl.Provider;
        var users = Forwarding.Create();
        LinearAlgebraControl.Provider = users;
        try
        {
            _ = Provider.Choose(null, MklGemm.Load);
            _ = Provider.Choose("managed", MklGemm.Load);
            _ = Provider.Description;
            using (Autograd.NoGrad()) _ = Tensor.Ones([3, 4]).MatMul(Tensor.Ones([4, 2])).ToArray();
            Assert.Same(users, LinearAlgebraControl.Provider);
        }
        finally
        {
            LinearAlgebraControl.Provider = before;
        }
        Assert.Equal("MathNet.Numerics", LinearAlgebraControl.Provider.GetType().Assembly.GetName().Name);
    }

    // ---- MKL and managed agree ----

    static readonly Gen<(int M, int N, int K, bool TA, bool TB, int Seed)> Products =
        from m in Gen.Choose(0, 40)
        from n in Gen.Choose(0, 40)
        from k in Gen.Choose(0, 40)
        from ta in Gen.Elements(true, false)
        from tb in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        select (m, n, k, ta, tb, seed);

    // C = α·op(A)·op(B) + β·C through both GEMMs. Each entry is a k-term dot product of values in [−1, 1] scaled by
    // α < 1.5, plus β·c: the two summation orders differ by at most about (k + 1)·ε·(k + 2) with ε the unit
    // roundoff, so the tolerance is 32·(k + 1)·(k + 2)·ε (k = 0 leaves one rounding of β·c, the same in both).
    [Property]
    public Property Mkl_and_managed_products_agree_in_double_and_float() =>
        Prop.ForAll(Products.ToArbitrary(), p =>
        {
            if (!MklNative.IsLoaded) return; // the managed GEMM is then the only one: nothing to compare
            var mkl = MklGemm.Load();
            var random = new Random(p.Seed);
            double[] Fill(int count) => Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            var (a, b, c) = (Fill(p.M * p.K), Fill(p.K * p.N), Fill(p.M * p.N));
            var (alpha, beta) = (random.NextDouble() + 0.5, random.NextDouble());
            var tolerance = 32.0 * (p.K + 1) * (p.K + 2);

            var (cd1, cd2) = ((double[])c.Clone(), (double[])c.Clone());
            mkl.Multiply(p.TA, p.TB, p.M, p.N, p.K, alpha, a, b, beta, cd1);
            Managed.Multiply(p.TA, p.TB, p.M, p.N, p.K, alpha, a, b, beta, cd2);
            AssertClose(cd1, cd2, tolerance * Math.Pow(2, -53), "double");

            float[] F(double[] x) => x.Select(v => (float)v).ToArray();
            var (cf1, cf2) = (F(c), F(c));
            mkl.Multiply(p.TA, p.TB, p.M, p.N, p.K, (float)alpha, F(a), F(b), (float)beta, cf1);
            Managed.Multiply(p.TA, p.TB, p.M, p.N, p.K, (float)alpha, F(a), F(b), (float)beta, cf2);
            AssertClose(cf1.Select(v => (double)v).ToArray(), cf2.Select(v => (double)v).ToArray(), tolerance * Math.Pow(2, -24), "float");

            // The plain product (α = 1, β = 0) overwrites whatever C held, NaN included.
            var (pm, pg) = (Enumerable.Repeat(double.NaN, p.M * p.N).ToArray(), Enumerable.Repeat(double.NaN, p.M * p.N).ToArray());
            mkl.Multiply(p.TA, p.TB, p.M, p.N, p.K, 1d, a, b, 0d, pm);
            Managed.Multiply(p.TA, p.TB, p.M, p.N, p.K, 1d, a, b, 0d, pg);
            AssertClose(pm, pg, tolerance * Math.Pow(2, -53), "double product");
        });

    // A stack of products in one call (cblas_?gemm_batch_strided) against the managed GEMM one matrix at a time.
    [Property(MaxTest = 100)]
    public Property Mkl_batched_products_agree_with_one_product_at_a_time() =>
        Prop.ForAll(Products.ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (p, batch) =>
        {
            if (!MklNative.IsLoaded) return;
            IGemm mkl = MklGemm.Load();
            var random = new Random(p.Seed);
            double[] Fill(int count) => Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            var (a, b) = (Fill(batch * p.M * p.K), Fill(batch * p.K * p.N));
            var tolerance = 32.0 * (p.K + 1) * (p.K + 2);
            var (c1, c2) = (Enumerable.Repeat(double.NaN, batch * p.M * p.N).ToArray(), new double[batch * p.M * p.N]);
            mkl.MultiplyBatched(p.TA, p.TB, batch, p.M, p.N, p.K, a, b, c1);
            for (var i = 0; i < batch; i++)
            {
                var ci = new double[p.M * p.N];
                Managed.Multiply(p.TA, p.TB, p.M, p.N, p.K, 1d, a[(i * p.M * p.K)..((i + 1) * p.M * p.K)], b[(i * p.K * p.N)..((i + 1) * p.K * p.N)], 0d, ci);
                ci.CopyTo(c2, i * p.M * p.N);
            }
            AssertClose(p.M * p.N * p.K == 0 ? c1.Select(v => double.IsNaN(v) ? 0 : v).ToArray() : c1, c2, tolerance * Math.Pow(2, -53), "double stack");
            float[] F(double[] x) => x.Select(v => (float)v).ToArray();
            var (f1, f2) = (new float[c1.Length], new float[c1.Length]);
            mkl.MultiplyBatched(p.TA, p.TB, batch, p.M, p.N, p.K, F(a), F(b), f1);
            Managed.MultiplyBatched(p.TA, p.TB, batch, p.M, p.N, p.K, F(a), F(b), f2);
            AssertClose(f1.Select(v => (double)v).ToArray(), f2.Select(v => (double)v).ToArray(), tolerance * Math.Pow(2, -24), "float stack");
        });

    // Each GEMM against the definition Σₗ op(A)ᵢₗ·op(B)ₗⱼ, so a layout mix-up in both would not pass unseen.
    [Property(MaxTest = 100)]
    public Property The_active_gemm_computes_the_definition() =>
        Prop.ForAll(Products.ToArbitrary(), p =>
        {
            var random = new Random(p.Seed);
            double[] Fill(int count) => Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            var (a, b, c) = (Fill(p.M * p.K), Fill(p.K * p.N), Fill(p.M * p.N));
            double At(int i, int l) => p.TA ? a[l * p.M + i] : a[i * p.K + l];
            double Bt(int l, int j) => p.TB ? b[j * p.K + l] : b[l * p.N + j];
            var expected = new double[p.M * p.N];
            for (var i = 0; i < p.M; i++)
                for (var j = 0; j < p.N; j++)
                    expected[i * p.N + j] = 0.5 * c[i * p.N + j] + 2 * Enumerable.Range(0, p.K).Sum(l => At(i, l) * Bt(l, j));
            var got = (double[])c.Clone();
            Provider.Gemm.Multiply(p.TA, p.TB, p.M, p.N, p.K, 2d, a, b, 0.5, got);
            AssertClose(got, expected, 32.0 * (p.K + 1) * (p.K + 2) * Math.Pow(2, -53), Provider.Name);
        });

    [Fact]
    public void Mkl_checks_sizes_before_calling_native_code()
    {
        if (!MklNative.IsLoaded) return;
        var mkl = MklGemm.Load();
        var e = Assert.Throws<ArgumentException>(() => mkl.Multiply(false, false, 2, 2, 3, 1d, new double[6], new double[5], 0d, new double[4]));
        Assert.Equal("matrix product 2x3 times 3x2: the buffers hold 6, 5 and 4 elements, not 6, 6 and 4", e.Message);
        Assert.Throws<ArgumentException>(() => mkl.Multiply(true, false, 2, 2, 3, 1f, new float[6], new float[6], 0f, new float[3]));
        Assert.Throws<ArgumentException>(() => mkl.Multiply(false, false, -1, 2, 3, 1f, new float[0], new float[6], 0f, new float[0]));
    }

    static void AssertClose(double[] x, double[] y, double tolerance, string what)
    {
        Assert.Equal(y.Length, x.Length);
        for (var i = 0; i < x.Length; i++)
            if (!(Math.Abs(x[i] - y[i]) <= tolerance))
                throw new Xunit.Sdk.XunitException($"{what}: entry {i} is {x[i]:R} and {y[i]:R} (tolerance {tolerance:E2})");
    }

    // ---- candidates for the probe ----

    /// <summary>A correct GEMM under another name.</summary>
    sealed class Renamed(IGemm inner, string name) : IGemm
    {
        public string Name => name;
        public string Description => $"{name}: {inner.Description}";
        public void Multiply(bool ta, bool tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) => inner.Multiply(ta, tb, m, n, k, alpha, a, b, beta, c);
        public void Multiply(bool ta, bool tb, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) => inner.Multiply(ta, tb, m, n, k, alpha, a, b, beta, c);
    }

    /// <summary>Row-major buffers handed to MathNet's column-major GEMM as they are.</summary>
    sealed class ColumnMajor : IGemm
    {
        public string Name => "mkl";
        public string Description => "mkl: column-major by mistake";
        static Transpose Op(bool t) => t ? Transpose.Transpose : Transpose.DontTranspose;
        public void Multiply(bool ta, bool tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) =>
            ManagedLinearAlgebraProvider.Instance.MatrixMultiplyWithUpdate(Op(ta), Op(tb), alpha, a, ta ? k : m, ta ? m : k, b, tb ? n : k, tb ? k : n, beta, c);
        public void Multiply(bool ta, bool tb, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) =>
            ManagedLinearAlgebraProvider.Instance.MatrixMultiplyWithUpdate(Op(ta), Op(tb), alpha, a, ta ? k : m, ta ? m : k, b, tb ? n : k, tb ? k : n, beta, c);
    }

    /// <summary>The managed GEMM with one fault: it adds to C when β = 0, ignores the transposes, or gives zeros in float.</summary>
    sealed class Faulty(bool readsC = false, bool ignoresTranspose = false, bool breaksFloat = false) : IGemm
    {
        public string Name => "mkl";
        public string Description => "mkl: faulty";
        public void Multiply(bool ta, bool tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c)
        {
            if (breaksFloat) Array.Clear(c);
            else Managed.Multiply(ta, tb, m, n, k, alpha, a, b, beta, c);
        }
        public void Multiply(bool ta, bool tb, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
        {
            if (ignoresTranspose) (ta, tb) = (false, false);
            if (readsC && beta == 0) beta = 1;
            Managed.Multiply(ta, tb, m, n, k, alpha, a, b, beta, c);
        }
    }

    /// <summary>A GEMM whose native entry point is missing.</summary>
    sealed class Throwing : IGemm
    {
        public string Name => "mkl";
        public string Description => "mkl: throwing";
        public void Multiply(bool ta, bool tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) => throw new EntryPointNotFoundException("cblas_sgemm is missing");
        public void Multiply(bool ta, bool tb, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) => throw new EntryPointNotFoundException("cblas_dgemm is missing");
    }

    /// <summary>A provider a MathNet user installed: MathNet's managed one behind a distinct object.</summary>
    public class Forwarding : DispatchProxy
    {
        /// <summary>A new forwarding provider.</summary>
        public static ILinearAlgebraProvider Create() => DispatchProxy.Create<ILinearAlgebraProvider, Forwarding>();

        /// <summary>Calls the managed provider's implementation.</summary>
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Invoke(ManagedLinearAlgebraProvider.Instance, args);
    }
}
