namespace Nabla.Examples;

/// <summary>The global generator is process-wide state: the tests that seed it run alone.</summary>
[CollectionDefinition(nameof(CreationVocabularyTests), DisableParallelization = true)]
public sealed class GlobalGeneratorCollection;

/// <summary>The creation vocabulary (issue 13) against PyTorch 1.13: errors, dtypes, lengths, the global generator.</summary>
[Collection(nameof(CreationVocabularyTests))]
public sealed class CreationVocabularyTests
{
    static ArgumentException Fails(Func<Tensor> make, string pytorchWords)
    {
        var e = Assert.Throws<ArgumentException>(() => make());
        Assert.Contains(pytorchWords, e.Message);
        return e;
    }

    [Fact]
    public void Arange_and_linspace_fail_in_PyTorchs_words()
    {
        // torch.arange(0, 5, 0) -> RuntimeError: step must be nonzero
        Fails(() => Tensor.Arange(0L, 5L, 0L), "step must be nonzero");
        Fails(() => Tensor.Arange(0, 5, 0.0), "step must be nonzero");
        // torch.arange(0, 5, float('nan')) -> RuntimeError: step must be nonzero
        Fails(() => Tensor.Arange(0, 5, double.NaN), "step must be nonzero");
        // torch.arange(0.5, 5.0, 0.5, dtype=torch.int64) -> RuntimeError: step must be nonzero (0.5 truncates to 0)
        Fails(() => Tensor.Arange(0.5, 5.0, 0.5, DType.Int64), "step must be nonzero");
        // torch.arange(0, 5, -1) and torch.arange(5, 0, 1) -> RuntimeError: upper bound and larger bound inconsistent with step sign
        Fails(() => Tensor.Arange(0L, 5L, -1L), "upper bound and larger bound inconsistent with step sign");
        Fails(() => Tensor.Arange(5L, 0L), "upper bound and larger bound inconsistent with step sign");
        Fails(() => Tensor.Arange(5.0, 0.0, 0.5), "upper bound and larger bound inconsistent with step sign");
        // torch.arange(0, float('inf'), 1.0) -> RuntimeError: unsupported range: 0 -> inf
        Fails(() => Tensor.Arange(0, double.PositiveInfinity, 1.0), "unsupported range: 0 -> inf");
        Fails(() => Tensor.Arange(0, double.NaN, 1.0), "unsupported range: 0 -> nan");
        // torch.arange(-9223372036854775808, 9223372036854775807) -> RuntimeError: invalid size, possible overflow?
        Fails(() => Tensor.Arange(long.MinValue, long.MaxValue), "invalid size, possible overflow?");
        // torch.arange(0.0, 1e20, 1e-10) -> RuntimeError: invalid size, possible overflow?
        Fails(() => Tensor.Arange(0.0, 1e20, 1e-10), "invalid size, possible overflow?");
        // torch.arange(0.0, 2.0**40, 1e-3) asks for 4e15 bytes; Nabla stops at what one tensor can hold
        Fails(() => Tensor.Arange(0.0, Math.Pow(2, 40), 1e-3), "more than a tensor can hold");
        // torch.arange(0.0, 1e19, 1e18, dtype=torch.int64) -> RuntimeError: value cannot be converted to type int64_t without overflow
        Fails(() => Tensor.Arange(0.0, 1e19, 1e18, DType.Int64), "value cannot be converted to type int64_t without overflow");
        // torch.linspace(0, 1, -1) -> RuntimeError: number of steps must be non-negative
        Fails(() => Tensor.Linspace(0, 1, -1), "number of steps must be non-negative");
        // torch.linspace(1e20, 2e20, 3, dtype=torch.int64) -> RuntimeError: value cannot be converted to type int64_t without overflow
        Fails(() => Tensor.Linspace(1e20, 2e20, 3, DType.Int64), "value cannot be converted to type int64_t without overflow");
        // torch.linspace(0, 1e39, 3) -> RuntimeError: value cannot be converted to type float without overflow
        Fails(() => Tensor.Linspace(0, 1e39, 3), "value cannot be converted to type float without overflow");
        // Nabla's messages also name the op and its arguments.
        Assert.StartsWith("arange: step must be nonzero (start 0, end 5, step 0)", Fails(() => Tensor.Arange(0L, 5L, 0L), "step").Message);
    }

    [Fact]
    public void The_documented_arange_calls_pick_the_overload_they_mean()
    {
        // Arange(3L, 0L) is the Int64 range (an error, as torch.arange(3, 0)), never Arange(3, dtype: 0); so is Arange(3, 0).
        Fails(() => Tensor.Arange(3L, 0L), "upper bound and larger bound inconsistent with step sign");
        Fails(() => Tensor.Arange(3, 0), "upper bound and larger bound inconsistent with step sign");
        // torch.arange(0, 5, 2) -> tensor([0, 2, 4]); torch.arange(3, 3) -> tensor([], dtype=torch.int64)
        Assert.Equal("tensor([0, 2, 4])", Tensor.Arange(0, 5, 2).ToString());
        Assert.Equal([0L, 2, 4], Tensor.Arange(0L, 5L, 2).ToInt64Array());
        var empty = Tensor.Arange(3L, 3L);
        Assert.Equal(DType.Int64, empty.DType);
        Assert.Equal([0], empty.Shape);
        // torch.arange(3, dtype=torch.float64) -> tensor([0., 1., 2.], dtype=torch.float64): the one-argument form is unchanged
        Assert.Equal("tensor([0., 1., 2.], dtype=float64)", Tensor.Arange(3, DType.Float64).ToString());
        // torch.arange(0, 5, 0.5).dtype -> torch.float32 with 10 values: a fractional step is the floating overload
        var half = Tensor.Arange(0, 5, 0.5);
        Assert.Equal(DType.Float32, half.DType);
        Assert.Equal([10], half.Shape);
        // torch.arange(-2**62 - 1, -2**62 + 2) -> tensor([-4611686018427387905, ..., -4611686018427387902]): Int64 is exact
        Assert.Equal([-(1L << 62) - 1, -(1L << 62), -(1L << 62) + 1], Tensor.Arange(-(1L << 62) - 1, -(1L << 62) + 2).ToInt64Array());
    }

    [Theory]
    // torch.arange(a, b, s, dtype=torch.float64) -> (len, last value), PyTorch 1.13:
    [InlineData(0, 0.3, 0.1, 3, 0.2)]                    // (0.3 − 0)/0.1 = 2.9999999999999996
    [InlineData(0.1, 0.7, 0.2, 3, 0.5)]                  // 0.6/0.2 = 2.9999999999999996
    [InlineData(1, 1.3, 0.1, 4, 1.3)]                    // 0.30000000000000004/0.1 = 3.0000000000000004: 1.3 is included
    [InlineData(1, 0, -0.1, 10, 0.09999999999999995)]
    [InlineData(0, 1, 1.0 / 3, 3, 0.6666666666666666)]
    [InlineData(-1, 2, 0.3, 10, 1.7)]
    [InlineData(0, 10, 2.5, 4, 7.5)]
    [InlineData(10, -10, -3.0, 7, -8.0)]
    [InlineData(0, 1e-3, 1e-4, 10, 0.0009000000000000001)]
    public void Arange_has_PyTorchs_length_for_awkward_steps(double start, double end, double step, int length, double last)
    {
        var t = Tensor.Arange(start, end, step, DType.Float64);
        Assert.Equal([length], t.Shape);
        // PyTorch's value to the bit, also where it counts lanes from a vector's first value (8 or more Float64 values).
        Assert.Equal(last, t.ToArray()[^1]);
    }

    [Fact]
    public void Ranges_and_likes_have_the_asked_dtype_and_never_a_graph()
    {
        // torch.arange(0.0, 5.0, 1.0) -> tensor([0., 1., 2., 3., 4.]): floating arguments give the default dtype
        Assert.Equal("tensor([0., 1., 2., 3., 4.])", Tensor.Arange(0.0, 5.0, 1.0).ToString());
        // torch.linspace(0, 1, 0) -> tensor([]); torch.linspace(0, 1, 5, dtype=torch.int64) -> tensor([0, 0, 0, 0, 1])
        var none = Tensor.Linspace(0, 1, 0);
        Assert.Equal(DType.Float32, none.DType);
        Assert.Equal([0], none.Shape);
        Assert.Equal([0L, 0, 0, 0, 1], Tensor.Linspace(0, 1, 5, DType.Int64).ToInt64Array());
        // torch.linspace(0.5, 9.9, 4, dtype=torch.int64) -> tensor([0, 3, 6, 9]): the endpoints truncated first
        Assert.Equal([0L, 3, 6, 9], Tensor.Linspace(0.5, 9.9, 4, DType.Int64).ToInt64Array());
        // torch.linspace(float('nan'), 1, 3) -> tensor([nan, nan, nan]); torch.linspace(0, float('inf'), 3) -> tensor([nan, nan, nan])
        Assert.All(Tensor.Linspace(double.NaN, 1, 3).ToArray(), e => Assert.True(double.IsNaN(e)));
        Assert.All(Tensor.Linspace(0, double.PositiveInfinity, 3).ToArray(), e => Assert.True(double.IsNaN(e)));
        // Both ends are exact, whatever the step's rounding: the second half is computed from the end.
        var l = Tensor.Linspace(-0.3, 0.7, 1001, DType.Float64).ToArray();
        Assert.Equal((-0.3, 0.7), (l[0], l[^1]));
        Assert.False(Tensor.Arange(0, 1, 0.25).RequiresGrad);

        var x = Tensor.From([1.0, 2.0], requiresGrad: true, dtype: DType.Float64);
        // torch.zeros_like(torch.zeros(2), requires_grad=True) -> tensor([0., 0.], requires_grad=True): a new leaf
        var z = Tensor.ZerosLike(x, requiresGrad: true);
        Assert.Equal((true, true, (GradFn?)null, DType.Float64), (z.RequiresGrad, z.IsLeaf, z.GradFn, z.DType));
        Assert.False(Tensor.OnesLike(x).RequiresGrad);
        Assert.Equal("tensor([1., 1.])", Tensor.OnesLike(x, dtype: DType.Float32).ToString());
        // torch.ones_like(torch.tensor([1]), requires_grad=True) -> RuntimeError: Only Tensors of floating point and complex dtype can require gradients
        Assert.Throws<InvalidOperationException>(() => Tensor.OnesLike(Tensor.From([1L]), requiresGrad: true));
        // torch.full_like(torch.tensor([1, 2]), 2**62 + 1) -> tensor([4611686018427387905, 4611686018427387905]): exact
        Assert.Equal([(1L << 62) + 1, (1L << 62) + 1], Tensor.FullLike(Tensor.From([1L, 2L]), (1L << 62) + 1).ToInt64Array());
        // torch.full_like(torch.zeros(2, dtype=torch.float64), 2.5) -> tensor([2.5000, 2.5000], dtype=torch.float64)
        Assert.Equal("tensor([2.5000, 2.5000], dtype=float64)", Tensor.FullLike(x.Detach(), 2.5).ToString());
        // torch.full_like(torch.zeros(2), 1e39) -> RuntimeError: value cannot be converted to type float without overflow
        // torch.full_like(torch.tensor([1, 2]), 1e19) and (..., float('nan')) -> RuntimeError: value cannot be converted to type int64_t without overflow
        // torch.full_like(torch.zeros(2), float('inf')) -> tensor([inf, inf])
        Fails(() => Tensor.FullLike(Tensor.Zeros([2]), 1e39), "value cannot be converted to type float without overflow");
        Fails(() => Tensor.FullLike(Tensor.From([1L, 2L]), 1e19), "value cannot be converted to type int64_t without overflow");
        Fails(() => Tensor.FullLike(Tensor.From([1L, 2L]), double.NaN), "value cannot be converted to type int64_t without overflow");
        Assert.Equal([double.PositiveInfinity, double.PositiveInfinity], Tensor.FullLike(Tensor.Zeros([2]), double.PositiveInfinity).ToArray());
        // torch.randn_like(torch.tensor([1, 2])) -> RuntimeError: "normal_kernel_cpu" not implemented for 'Long'
        // torch.rand_like(torch.tensor([1, 2]))  -> RuntimeError: "check_uniform_bounds" not implemented for 'Long'
        Fails(() => Tensor.RandnLike(Tensor.From([1L, 2L])), "\"normal_kernel_cpu\" not implemented for 'Long'");
        Fails(() => Tensor.RandLike(Tensor.From([1L, 2L])), "\"check_uniform_bounds\" not implemented for 'Long'");
        Fails(() => Tensor.Randn([2], dtype: DType.Int64), "not implemented for 'Long'");
        var like = Tensor.RandLike(Tensor.Zeros([2, 3], dtype: DType.Float64));
        Assert.Equal(DType.Float64, like.DType);
        Assert.Equal([2, 3], like.Shape);
        Assert.True(Tensor.RandnLike(x, requiresGrad: true).RequiresGrad);
    }

    // Float64 Box–Muller through the runtime's log, sin and cos: glibc's, as PyTorch's, on Linux (equal to the bit there);
    // another C runtime may round them differently by an ulp, which moves a sample by a few ulps of its radius (≤ 6).
    static void SameNormals(double[] pytorch, Tensor t, double eps)
    {
        var got = t.ToArray();
        Assert.Equal(pytorch.Length, got.Length);
        for (var k = 0; k < got.Length; k++) Approx.Relative(pytorch[k], got[k], 4 * eps, what: $"sample {k}");
    }

    [Fact]
    public void ManualSeed_gives_PyTorchs_numbers()
    {
        // torch.manual_seed(0); torch.rand(5); then torch.rand(3, dtype=torch.float64) from the same stream
        Tensor.ManualSeed(0);
        Assert.Equal([0.49625658988952637, 0.7682217955589294, 0.08847743272781372, 0.13203048706054688, 0.30742281675338745],
                     Tensor.Rand([5]).ToArray());
        Assert.Equal([0.07262971157225484, 0.17155810530414428, 0.0584505300016952], Tensor.Rand([3], dtype: DType.Float64).ToArray());

        // torch.manual_seed(42); torch.randn(3); torch.randn(1); torch.randn(2, dtype=torch.float64): a small draw keeps the
        // second sample of its last pair for the next call, as PyTorch's generator does
        Tensor.ManualSeed(42);
        SameNormals([0.33669036626815796, 0.12880940735340118, 0.23446236550807953], Tensor.Randn([3]), Approx.Eps64);
        SameNormals([0.23033303022384644], Tensor.Randn([1]), Approx.Eps64);
        SameNormals([-1.1228563767381703, -0.18632829929177447], Tensor.Randn([2], dtype: DType.Float64), Approx.Eps64);

        // torch.manual_seed(7); torch.randn(4, 5, dtype=torch.float64): 16 and more samples go in blocks of 16, the last redrawn
        Tensor.ManualSeed(7);
        double[] sevens = [0.06626753966449943, 0.04699155524392409, 1.8365386300294015, 1.367690398536778, 1.457454937932726,
                           1.932214860010293, -1.4418139927522924, 0.7277603478716976, -1.3131496578292892, -0.3280001761367003,
                           -1.3521685881505834, 1.7951074839458658, 1.7421050311620636, -0.523961020712386, -0.28387899021947915,
                           0.45257550210102954, -1.6677291342328766, -1.5870322969308357, 2.03026332869622, 0.6596523264462502];
        var t = Tensor.Randn([4, 5], dtype: DType.Float64);
        Assert.Equal([4, 5], t.Shape);
        SameNormals(sevens, t, Approx.Eps64);

        // torch.manual_seed(7); torch.randn(20): PyTorch's AVX2 kernel has its own Float32 log and sincos (within ~2 ulps);
        // Nabla rounds the runtime's to Float32 on the same uniforms, so samples agree within 4 ulps of max(|sample|, 1)
        // (the largest gap over 6,120 probed samples: 1.7).
        Tensor.ManualSeed(7);
        SameNormals([-0.8201345205307007, 0.39563116431236267, 0.8989084959030151, -1.3884038925170898, 0.19844505190849304,
                     0.7820726633071899, 1.0391076803207397, -0.7245107293128967, -0.8489086031913757, -1.2169294357299805,
                     -0.08102158457040787, 1.3614851236343384, -2.0614778995513916, 0.6741006970405579, -1.3233457803726196,
                     -1.3597689867019653, -0.866701602935791, -0.5640066862106323, -2.056462526321411, -0.35672253370285034],
                    Tensor.Randn([20]), Approx.Eps32);

        // torch.manual_seed(-1): the seed's bits as unsigned, of which MT19937 keeps the low 32 (so 2**32 - 1 is the same seed)
        Tensor.ManualSeed(-1);
        var minusOne = Tensor.Rand([2]).ToArray();
        Assert.Equal([0.9937993884086609, 0.5713063478469849], minusOne);
        Tensor.ManualSeed(uint.MaxValue);
        Assert.Equal(minusOne, Tensor.Rand([2]).ToArray());

        // torch.manual_seed(5); torch.randn_like(torch.zeros(2, dtype=torch.float64)); torch.rand_like(torch.zeros(3))
        Tensor.ManualSeed(5);
        SameNormals([-0.48678075071242677, -0.6038215878840039], Tensor.RandnLike(Tensor.Zeros([2], dtype: DType.Float64)), Approx.Eps64);
        Assert.Equal([0.9201034307479858, 0.1166452169418335, 0.16439151763916016], Tensor.RandLike(Tensor.Zeros([3])).ToArray());
    }

    [Theory]
    [InlineData(new[] { 3 }, DType.Float64)]
    [InlineData(new[] { 37 }, DType.Float32)]
    [InlineData(new[] { 5, 40 }, DType.Float64)]
    public void The_same_seed_gives_the_same_numbers(int[] shape, DType dtype)
    {
        Tensor.ManualSeed(1234);
        var a = Tensor.Randn(shape, dtype: dtype).ToArray();
        var u = Tensor.Rand(shape, dtype: dtype).ToArray();
        var b = Tensor.Randn(shape, dtype: dtype).ToArray();
        Tensor.ManualSeed(1234);
        Assert.Equal(a, Tensor.Randn(shape, dtype: dtype).ToArray());
        Assert.Equal(u, Tensor.Rand(shape, dtype: dtype).ToArray());
        Assert.Equal(b, Tensor.Randn(shape, dtype: dtype).ToArray());
        Assert.NotEqual(a, b);
        // The seeded overloads are a separate stream (System.Random) and leave the global one alone.
        Tensor.ManualSeed(1234);
        _ = Tensor.Randn(shape, seed: 1);
        Assert.Equal(a, Tensor.Randn(shape, dtype: dtype).ToArray());
    }

    // n samples of a distribution with variance σ² and fourth central moment μ₄: the sample mean is within 5σ/√n of the
    // mean and the sample variance within 5·√((μ₄ − σ⁴)/n) of σ² (five standard errors; each seed is fixed, so a pass is
    // a pass, and a wrong transform, a lost half of a pair or a reused block moves them far more).
    static void Moments(double[] s, double mean, double variance, double mu4)
    {
        var n = s.Length;
        var m = s.Average();
        var v = s.Select(e => (e - m) * (e - m)).Sum() / (n - 1);
        Approx.Within(mean, m, 5 * Math.Sqrt(variance / n), "sample mean");
        Approx.Within(variance, v, 5 * Math.Sqrt((mu4 - variance * variance) / n), "sample variance");
    }

    [Theory]
    [InlineData(DType.Float32, 1)]
    [InlineData(DType.Float64, 2)]
    public void Samples_from_the_global_generator_have_the_right_moments(DType dtype, long seed)
    {
        const int n = 200_000;
        Tensor.ManualSeed(seed);
        Moments(Tensor.Randn([n], dtype: dtype).ToArray(), 0, 1, 3);                        // N(0, 1): μ₄ = 3
        var u = Tensor.Rand([n], dtype: dtype).ToArray();
        Assert.All(u, e => Assert.InRange(e, 0.0, 1 - (dtype == DType.Float32 ? Approx.Eps32 : Approx.Eps64) / 2));
        Moments(u, 0.5, 1.0 / 12, 1.0 / 80);                                                 // U[0, 1): μ₄ = 1/80
        // Small draws take the pair-at-a-time path, with the kept sample: 20,000 draws of 3.
        Moments(Enumerable.Range(0, 20_000).SelectMany(_ => Tensor.Randn([3], dtype: dtype).ToArray()).ToArray(), 0, 1, 3);
    }

    [Fact]
    public void Concurrent_draws_share_no_number_and_skip_none()
    {
        // Each draw holds the generator for its whole tensor: 8 threads drawing 50 × 1,000 Float32 uniforms (one generator
        // output each) together take exactly the first 400,000 numbers of the stream, in some order of whole draws.
        const int threads = 8, draws = 50, size = 1000;
        Tensor.ManualSeed(99);
        var sequential = Tensor.Rand([threads * draws * size]).ToArray();
        Tensor.ManualSeed(99);
        var parts = new System.Collections.Concurrent.ConcurrentBag<double[]>();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var d = 0; d < draws; d++) parts.Add(Tensor.Rand([size]).ToArray());
        });
        var starts = sequential.Chunk(size).Select(c => c[0]).ToHashSet();
        Assert.All(parts, p => Assert.Contains(p[0], starts));
        Assert.Equal(sequential.Order(), parts.SelectMany(p => p).Order());
    }
}
