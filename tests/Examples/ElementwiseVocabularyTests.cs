namespace Nabla.Examples;

/// <summary>
/// The vocabulary's elementwise members (issue 13) beyond the From PyTorch table: Int64 inputs, rounding halves to
/// even, ties of Maximum and Minimum, Atan2's quadrants and signed zeros, special values, the accuracy of Erf, Log1p
/// and Expm1 against PyTorch 1.13 in Float64, gradients, and errors. Each expected value is what the PyTorch line in
/// its comment printed.
/// </summary>
public sealed class ElementwiseVocabularyTests
{
    static Tensor F64(params double[] values) => Tensor.From(values, dtype: DType.Float64);

    // |actual − expected| in units in the last place of expected (Float64); equal infinities and NaNs are 0 apart.
    static double Ulps(double expected, double actual)
    {
        if (expected.Equals(actual)) return 0;
        var ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        return Math.Abs(actual - expected) / ulp;
    }

    static void WithinUlps(double[] points, double[] expected, double[] actual, double ulps, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.True(Ulps(expected[k], actual[k]) <= ulps,
                $"{what}({points[k]:R}): PyTorch {expected[k]:R}, Nabla {actual[k]:R} ({Ulps(expected[k], actual[k]):F1} ulp, bound {ulps})");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Accuracy in Float64 against PyTorch (tests/torch: the values below are torch.erf / log1p / expm1 of
    // torch.tensor(points, dtype=torch.float64)). PyTorch's kernels (SLEEF, libm) are within 1 ulp of the exact value;
    // Nabla's erf within 1 (tests/torch/erf_coefficients.py) and log1p and expm1 within 2 (measured against 200-bit
    // arithmetic), so the bounds are 2 and 3.

    static readonly double[] ErfPoints =
        [0.0, 1e-300, 1e-20, 1e-08, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.2, 1.45, 1.5, 1.55, 1.9, 2.0, 2.4, 2.5,
        2.6, 3.0, 3.5, 4.0, 5.0, 5.9, 6.0, 7.0, 27.0, -1e-300, -1e-20, -1e-08, -0.001, -0.1, -0.25, -0.5, -0.75,
        -0.9, -1.0, -1.2, -1.45, -1.5, -1.55, -1.9, -2.0, -2.4, -2.5, -2.6, -3.0, -3.5, -4.0, -5.0, -5.9, -6.0,
        -7.0, -27.0, -2.114007, -4.18981, 1.811214, -5.130765, 0.430584, -1.611733, -5.304013, 0.089229, -5.550052,
        -0.796252, -5.161735, -4.911444, -0.90577, 3.922225, -4.514376, -3.321132, 1.529199, 5.372507, 0.925235,
        -1.239834];

    // torch.erf(torch.tensor(ErfPoints, dtype=torch.float64))
    static readonly double[] ErfValues =
        [0.0, 1.1283791670955126e-300, 1.1283791670955125e-20, 1.1283791670955126e-08, 0.0011283787909692365,
        0.1124629160182849, 0.27632639016823696, 0.5204998778130465, 0.7111556336535151, 0.7969082124228322,
        0.8427007929497149, 0.9103139782296354, 0.9596950256374592, 0.9661051464753108, 0.9716227332620125,
        0.9927904292352575, 0.9953222650189527, 0.999311486103355, 0.999593047982555, 0.9997639655834707,
        0.9999779095030014, 0.9999992569016276, 0.9999999845827421, 0.9999999999984626, 0.9999999999999999, 1.0,
        1.0, 1.0, -1.1283791670955126e-300, -1.1283791670955125e-20, -1.1283791670955126e-08,
        -0.0011283787909692365, -0.1124629160182849, -0.27632639016823696, -0.5204998778130465, -0.7111556336535151,
        -0.7969082124228322, -0.8427007929497149, -0.9103139782296354, -0.9596950256374592, -0.9661051464753108,
        -0.9716227332620125, -0.9927904292352575, -0.9953222650189527, -0.999311486103355, -0.999593047982555,
        -0.9997639655834707, -0.9999779095030014, -0.9999992569016276, -0.9999999845827421, -0.9999999999984626,
        -0.9999999999999999, -1.0, -1.0, -1.0, -0.9972070946273841, -0.9999999968824591, 0.9895761776312533,
        -0.9999999999996013, 0.45743428737815656, -0.9773528212641407, -0.9999999999999367, 0.10041757224203961,
        -0.9999999999999958, -0.7398642686318054, -0.9999999999997118, -0.9999999999962376, -0.799789550348833,
        0.9999999709160864, -0.9999999998278075, -0.9999973571797667, 0.9694291167693672, 0.9999999999999699,
        0.809289407319393, -0.920464923596742];

    [Fact]
    public void Erf_is_within_2_ulp_of_PyTorch_in_Float64()
    {
        var y = F64(ErfPoints).Erf();
        WithinUlps(ErfPoints, ErfValues, y.ToArray(), 2, "erf");
    }

    [Fact]
    public void Erf_in_Float32_is_PyTorch_s_to_within_an_ulp()
    {
        // torch.erf(torch.tensor(ErfPoints)) (Float32; SLEEF's erff is within 1 ulp, Nabla's the Float64 erf rounded)
        double[] expected =
            [0.0, 0.0, 1.1283791263479627e-20, 1.1283791678806665e-08, 0.001128378789871931, 0.11246291548013687,
            0.27632638812065125, 0.5204998850822449, 0.7111556529998779, 0.7969081997871399, 0.8427007794380188,
            0.9103139638900757, 0.959695041179657, 0.9661051630973816, 0.9716227054595947, 0.9927904009819031,
            0.9953222870826721, 0.9993115067481995, 0.9995930194854736, 0.9997639656066895, 0.9999778866767883,
            0.9999992847442627, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, -0.0, -1.1283791263479627e-20,
            -1.1283791678806665e-08, -0.001128378789871931, -0.11246291548013687, -0.27632638812065125,
            -0.5204998850822449, -0.7111556529998779, -0.7969081997871399, -0.8427007794380188, -0.9103139638900757,
            -0.959695041179657, -0.9661051630973816, -0.9716227054595947, -0.9927904009819031, -0.9953222870826721,
            -0.9993115067481995, -0.9995930194854736, -0.9997639656066895, -0.9999778866767883, -0.9999992847442627,
            -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -0.9972071051597595, -1.0, 0.9895761609077454, -1.0,
            0.4574342966079712, -0.9773527979850769, -1.0, 0.10041757673025131, -1.0, -0.7398642897605896, -1.0,
            -1.0, -0.799789547920227, 1.0, -1.0, -0.9999973773956299, 0.9694291353225708, 1.0, 0.8092893958091736,
            -0.9204649329185486];
        var y = Tensor.From(ErfPoints, dtype: DType.Float32).Erf();
        Assert.Equal(DType.Float32, y.DType);
        var actual = y.ToArray();
        for (var k = 0; k < expected.Length; k++)
            Approx.Relative(expected[k], actual[k], Approx.Eps32, floor: 1e-38, what: $"erf({ErfPoints[k]:R})");
    }

    static readonly double[] Log1pPoints =
        [-0.9999, -0.75, -0.5, -0.1, -1e-05, -1e-12, 1e-300, 1e-17, 1e-12, 1e-07, 0.001, 0.05, 0.3, 0.7, 1.0, 1.5,
        3.0, 10.0, 10000000000.0, 1e+300];

    [Fact]
    public void Log1p_is_within_3_ulp_of_PyTorch_in_Float64_also_where_ln_1_plus_x_cancels()
    {
        // torch.log1p(torch.tensor(Log1pPoints, dtype=torch.float64))
        double[] expected =
            [-9.210340371976294, -1.3862943611198906, -0.6931471805599453, -0.10536051565782631,
            -1.0000050000333337e-05, -1.0000000000005e-12, 1e-300, 1e-17, 9.999999999995e-13, 9.999999500000033e-08,
            0.0009995003330835331, 0.04879016416943201, 0.26236426446749106, 0.5306282510621704, 0.6931471805599453,
            0.9162907318741551, 1.3862943611198906, 2.3978952727983707, 23.025850930040455, 690.7755278982137];
        WithinUlps(Log1pPoints, expected, F64(Log1pPoints).Log1p().ToArray(), 3, "log1p");
    }

    static readonly double[] Expm1Points =
        [-745.0, -40.0, -20.0, -1.0, -0.5, -0.1, -1e-05, -1e-12, 1e-300, 1e-17, 1e-12, 1e-07, 0.001, 0.05, 0.3, 0.7,
        1.0, 1.5, 3.0, 10.0, 100.0, 709.0];

    [Fact]
    public void Expm1_is_within_3_ulp_of_PyTorch_in_Float64_also_where_exp_minus_1_cancels()
    {
        // torch.expm1(torch.tensor(Expm1Points, dtype=torch.float64))
        double[] expected =
            [-1.0, -1.0, -0.9999999979388464, -0.6321205588285577, -0.3934693402873666, -0.09516258196404043,
            -9.999950000166666e-06, -9.999999999995e-13, 1e-300, 1e-17, 1.0000000000005e-12, 1.0000000500000016e-07,
            0.0010005001667083417, 0.05127109637602404, 0.3498588075760031, 1.0137527074704764, 1.7182818284590453,
            3.481689070338065, 19.085536923187668, 22025.465794806718, 2.6881171418161356e+43,
            8.218407461554972e+307];
        WithinUlps(Expm1Points, expected, F64(Expm1Points).Expm1().ToArray(), 3, "expm1");
    }

    [Fact]
    public void Tan_atan_sinh_cosh_asin_acos_and_rsqrt_are_within_4_ulp_of_PyTorch_in_Float64()
    {
        // torch.f(torch.tensor(points, dtype=torch.float64)) for each f; PyTorch's SLEEF kernels are within 1 ulp (its
        // cosh(−10) and cosh(10) differ by one), System.Numerics.Tensors' within a few
        double[] wide =
            [-100.0, -10.0, -3.0, -1.5, -0.7, -1e-08, 0.0, 1e-08, 0.3, 1.0, 1.57, 3.0, 10.0, 100.0, 100000.0];
        double[] unit =
            [-1.0, -0.999, -0.9, -0.5, -1e-08, 0.0, 1e-08, 0.25, 0.7, 0.99, 1.0];
        double[] positive =
            [1e-300, 1e-08, 0.01, 0.5, 1.0, 2.0, 3.0, 100000000.0, 1e+300];
        var cases = new (string Name, double[] Points, Func<Tensor, Tensor> F, double[] Expected)[]
        {
            ("tan", wide, t => t.Tan(),
            [0.5872139151569291, -0.6483608274590866, 0.1425465430742778, -14.101419947171719,
             -0.8422883804630794, -1e-08, 0.0, 1e-08, 0.30933624960962325, 1.5574077246549023,
             1255.7655915007897, -0.1425465430742778, 0.6483608274590866, -0.5872139151569291,
             -0.035771662952898776]),
            ("atan", wide, t => t.Atan(),
            [-1.5607966601082315, -1.4711276743037345, -1.2490457723982544, -0.982793723247329,
             -0.6107259643892086, -1e-08, 0.0, 1e-08, 0.2914567944778671, 0.7853981633974483,
             1.0036550779803273, 1.2490457723982544, 1.4711276743037345, 1.5607966601082315, 1.570786326794897]),
            ("sinh", wide, t => t.Sinh(),
            [-1.3440585709080678e+43, -11013.232874703393, -10.017874927409903, -2.1292794550948173,
             -0.7585837018395335, -1e-08, 0.0, 1e-08, 0.3045202934471426, 1.1752011936438014, 2.299301505709079,
             10.017874927409903, 11013.232874703393, 1.3440585709080678e+43, double.PositiveInfinity]),
            ("cosh", wide, t => t.Cosh(),
            [1.3440585709080678e+43, 11013.232920103323, 10.067661995777765, 2.352409615243247,
             1.255169005630943, 1.0, 1.0, 1.0, 1.0453385141288605, 1.5430806348152437, 2.5073466880660993,
             10.067661995777765, 11013.232920103324, 1.3440585709080678e+43, double.PositiveInfinity]),
            ("asin", unit, t => t.Asin(),
            [-1.5707963267948966, -1.526071239626163, -1.1197695149986342, -0.5235987755982989, -1e-08, 0.0,
             1e-08, 0.25268025514207865, 0.775397496610753, 1.4292568534704693, 1.5707963267948966]),
            ("acos", unit, t => t.Acos(),
            [3.141592653589793, 3.09686756642106, 2.6905658417935308, 2.0943951023931957, 1.5707963367948967,
             1.5707963267948966, 1.5707963167948966, 1.318116071652818, 0.7953988301841436, 0.1415394733244273,
             0.0]),
            ("rsqrt", positive, t => t.Rsqrt(),
            [1e+150, 10000.0, 10.0, 1.414213562373095, 1.0, 0.7071067811865475, 0.5773502691896258, 0.0001,
             1e-150]),
        };
        foreach (var (name, points, f, expected) in cases)
            WithinUlps(points, expected, f(F64(points)).ToArray(), 4, name);
    }

    [Fact]
    public void Log1p_expm1_and_sinh_keep_tiny_values()
    {
        // torch.sinh(torch.tensor([1e-20, -3e-12, 1e-30], dtype=torch.float64)) -> [1e-20, -3e-12, 1e-30]; in float32
        // -> [9.999999682655225e-21, -2.9999999880125916e-12, 1.0000000031710769e-30] (e^x − e^−x computed directly gives 0)
        Assert.Equal([1e-20, -3e-12, 1e-30], F64(1e-20, -3e-12, 1e-30).Sinh().ToArray());
        Assert.Equal([9.999999682655225e-21, -2.9999999880125916e-12, 1.0000000031710769e-30], Tensor.From([1e-20, -3e-12, 1e-30]).Sinh().ToArray());
        // torch.log1p(torch.tensor([1e-10, -1e-10, 1e-30])) -> [1.000000013351432e-10, -1.000000013351432e-10, 1.0000000031710769e-30]
        // (and torch.expm1 the same): ln(1 + x) computed directly would give 0
        double[] tiny = [1.000000013351432e-10, -1.000000013351432e-10, 1.0000000031710769e-30];
        var x = Tensor.From([1e-10, -1e-10, 1e-30]);
        Assert.Equal(tiny, x.Log1p().ToArray());
        Assert.Equal(tiny, x.Expm1().ToArray());
    }

    [Fact]
    public void Special_values_of_log1p_expm1_erf_and_rsqrt_are_PyTorch_s()
    {
        var inf = double.PositiveInfinity;
        // torch.log1p(torch.tensor([-1., -2., inf, nan], dtype=torch.float64)) -> [-inf, nan, inf, nan]
        Assert.Equal([-inf, double.NaN, inf, double.NaN], F64(-1, -2, inf, double.NaN).Log1p().ToArray());
        // torch.expm1(torch.tensor([-inf, 1000., inf, -0.], dtype=torch.float64)) -> [-1.0, inf, inf, -0.0]
        var e = F64(-inf, 1000, inf, -0.0).Expm1().ToArray();
        Assert.Equal([-1, inf, inf, 0], e);
        Assert.True(double.IsNegative(e[3]), "expm1(−0) is −0");
        // torch.erf(torch.tensor([-inf, inf, nan, -0.], dtype=torch.float64)) -> [-1.0, 1.0, nan, -0.0]
        var erf = F64(-inf, inf, double.NaN, -0.0).Erf().ToArray();
        Assert.Equal([-1, 1, double.NaN, 0], erf);
        Assert.True(double.IsNegative(erf[3]), "erf(−0) is −0");
        // torch.rsqrt(torch.tensor([0., -0., -1., inf])) -> tensor([inf, -inf, nan, 0.])
        Assert.Equal([inf, -inf, double.NaN, 0], Tensor.From([0, -0.0, -1, inf]).Rsqrt().ToArray());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Int64 inputs

    [Fact]
    public void Sign_floor_ceil_round_and_square_keep_Int64()
    {
        var i = Tensor.From([1L, -2L, 0L]);
        // torch.tensor([1,-2,0]).sign() -> tensor([ 1, -1,  0]); .floor(), .ceil(), .round() -> tensor([ 1, -2,  0])
        Assert.Equal(DType.Int64, i.Sign().DType);
        Assert.Equal([1L, -1L, 0L], i.Sign().ToInt64Array());
        foreach (var y in new[] { i.Floor(), i.Ceil(), i.Round() })
        {
            Assert.Equal(DType.Int64, y.DType);
            Assert.Equal([1L, -2L, 0L], y.ToInt64Array());
        }
        // torch.tensor([1,-2,0]).square() -> tensor([1, 4, 0]) (int64); torch.tensor([2**32]).square() -> tensor([0]) (wraps)
        Assert.Equal(DType.Int64, i.Square().DType);
        Assert.Equal([1L, 4L, 0L], i.Square().ToInt64Array());
        Assert.Equal([0L], Tensor.From([1L << 32]).Square().ToInt64Array());
    }

    [Fact]
    public void The_floating_functions_of_Int64_compute_in_the_default_dtype()
    {
        var i = Tensor.From([1L, -2L, 0L]);
        // torch.tensor([1,-2,0]).cosh() -> tensor([1.5431, 3.7622, 1.0000]) (float32); .rsqrt() -> tensor([1., nan, inf]);
        // .reciprocal() -> tensor([ 1.0000, -0.5000,     inf]); .erf() -> tensor([ 0.8427, -0.9953,  0.0000])
        foreach (var y in new[] { i.Log1p(), i.Expm1(), i.Erf(), i.Tan(), i.Atan(), i.Asin(), i.Acos(), i.Sinh(), i.Cosh(), i.Rsqrt(), i.Reciprocal() })
            Assert.Equal(DType.Float32, y.DType);
        Approx.Within([1.5430806348152437, 3.7621956910836314, 1], i.Cosh().ToArray(), 4 * Approx.Eps32 * 4);
        Assert.Equal([1, double.NaN, double.PositiveInfinity], i.Rsqrt().ToArray());
        Assert.Equal([1, -0.5, double.PositiveInfinity], i.Reciprocal().ToArray());
    }

    [Fact]
    public void Maximum_and_minimum_of_Int64_stay_Int64_and_atan2_gives_floats()
    {
        var a = Tensor.From([1L, -2L, 0L]);
        var b = Tensor.From([0L, 5L, 0L]);
        // torch.maximum(torch.tensor([1,-2,0]), torch.tensor([0,5,0])) -> tensor([1, 5, 0]); torch.minimum -> tensor([ 0, -2,  0])
        Assert.Equal(DType.Int64, Tensor.Maximum(a, b).DType);
        Assert.Equal([1L, 5L, 0L], Tensor.Maximum(a, b).ToInt64Array());
        Assert.Equal([0L, -2L, 0L], Tensor.Minimum(a, b).ToInt64Array());
        // torch.maximum(torch.tensor([1,-2,0]), torch.tensor([1.,2.,3.])) -> tensor([1., 2., 3.]) (float32)
        var mixed = Tensor.Maximum(a, Tensor.From([1.0, 2, 3]));
        Assert.Equal(DType.Float32, mixed.DType);
        Assert.Equal([1, 2, 3], mixed.ToArray());
        // torch.atan2(torch.tensor([1,-2,0]), torch.tensor([1,-2,0])) -> tensor([ 0.7854, -2.3562,  0.0000]) (float32)
        var angle = a.Atan2(a);
        Assert.Equal(DType.Float32, angle.DType);
        Approx.Within([Math.PI / 4, -3 * Math.PI / 4, 0], angle.ToArray(), 4 * Approx.Eps32);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rounding and sign

    [Fact]
    public void Round_takes_halves_to_even_in_both_floating_dtypes()
    {
        double[] halves = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, 2.5e15 + 0.5];
        // torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997])) -> tensor([ 0.,  2.,  2., -0., -2., -2.,  0.])
        var r32 = Tensor.From(halves[..7]).Round().ToArray();
        Assert.Equal([0, 2, 2, 0, -2, -2, 0], r32);
        Assert.True(double.IsNegative(r32[3]), "round(−0.5) is −0");
        // torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, 2.5e15 + 0.5], dtype=torch.float64))
        // -> [0., 2., 2., -0., -2., -2., 0., 2500000000000000.]
        Assert.Equal([0, 2, 2, 0, -2, -2, 0, 2.5e15], F64(halves).Round().ToArray());
    }

    [Fact]
    public void Round_to_decimals_is_PyTorch_s_in_both_floating_dtypes()
    {
        double[] x = [1.2345, -2.5, 0.125, 1234.5, 0.5, 2.675];
        // torch.round(torch.tensor(x, dtype=torch.float64), decimals=2) -> [1.23, -2.5, 0.12, 1234.5, 0.5, 2.68]
        // (decimals=-1) -> [0.0, -0.0, 0.0, 1230.0, 0.0, 0.0]
        Assert.Equal([1.23, -2.5, 0.12, 1234.5, 0.5, 2.68], F64(x).Round(2).ToArray());
        Assert.Equal([0, 0, 0, 1230, 0, 0], F64(x).Round(-1).ToArray());
        // torch.round(torch.tensor(x), decimals=2) -> [1.2300000190734863, -2.5, 0.11999999731779099, 1234.5, 0.5, 2.680000066757202]
        // (decimals=3) -> [1.2339999675750732, -2.5, 0.125, 1234.5, 0.5, 2.674999952316284]; (decimals=-3) -> [0., -0., 0., 1000., 0., 0.]
        var x32 = Tensor.From(x);
        Assert.Equal([1.2300000190734863, -2.5, 0.11999999731779099, 1234.5, 0.5, 2.680000066757202], x32.Round(2).ToArray());
        Assert.Equal([1.2339999675750732, -2.5, 0.125, 1234.5, 0.5, 2.674999952316284], x32.Round(3).ToArray());
        Assert.Equal([0, 0, 0, 1000, 0, 0], x32.Round(-3).ToArray());
        // torch.round(torch.tensor([1e300], dtype=torch.float64), decimals=10) -> tensor([inf], dtype=torch.float64) (x·10¹⁰ overflows)
        Assert.Equal([double.PositiveInfinity], F64(1e300).Round(10).ToArray());
    }

    [Fact]
    public void Round_to_decimals_has_a_zero_gradient_and_refuses_Int64()
    {
        // x = torch.tensor([1.2345, -2.5], dtype=torch.float64, requires_grad=True); y = torch.round(x, decimals=0)
        // y.grad_fn -> <RoundBackward1>; torch.autograd.grad(torch.round(x, decimals=2).sum(), x) -> (tensor([0., 0.]),)
        var x = Tensor.From([1.2345, -2.5], requiresGrad: true, dtype: DType.Float64);
        Assert.Equal("RoundBackward1", x.Round(0).GradFn?.Name);
        Assert.Equal([0, 0], Autograd.Grad([x.Round(2).Sum()], [x])[0]!.ToArray());
        // torch.round(torch.tensor([1, 2, 155]), decimals=-1) -> RuntimeError: "round_cpu" not implemented for 'Long'
        // (decimals=0 -> RuntimeError: "round_vml_cpu" not implemented for 'Long'); without decimals it is the identity
        var i = Tensor.From([1L, 2L, 155L]);
        Assert.Contains("\"round_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.Round(-1)).Message, StringComparison.Ordinal);
        Assert.Contains("\"round_vml_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.Round(0)).Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 155L], i.Round().ToInt64Array());
    }

    [Fact]
    public void Floor_and_ceil_keep_negative_zero_and_infinities()
    {
        // 1/torch.floor(torch.tensor([-0.0, -0.3])) -> tensor([-inf, -1.]); 1/torch.ceil(torch.tensor([-0.3, -0.0])) -> tensor([-inf, -inf])
        Assert.Equal([double.NegativeInfinity, -1], (1.0 / Tensor.From([-0.0, -0.3]).Floor()).ToArray());
        Assert.Equal([double.NegativeInfinity, double.NegativeInfinity], (1.0 / Tensor.From([-0.3, -0.0]).Ceil()).ToArray());
        // torch.floor(torch.tensor([nan, inf])) -> tensor([nan, inf])
        Assert.Equal([double.NaN, double.PositiveInfinity], Tensor.From([double.NaN, double.PositiveInfinity]).Floor().ToArray());
    }

    [Fact]
    public void Sign_of_NaN_and_of_negative_zero_is_zero_as_PyTorch_s()
    {
        // torch.sign(torch.tensor([nan, -0.0, 0.0, -3., 2.])) -> tensor([ 0.,  0.,  0., -1.,  1.]), and 1/sign(-0.0) is inf:
        // PyTorch's (0 < x) − (x < 0), NaN included (pytorch#41245, still so in 2.x). 20 elements take the vector path.
        double[] x = [double.NaN, -0.0, 0.0, -3, 2];
        foreach (var n in new[] { 1, 20 })
        {
            var values = Enumerable.Repeat(x, n).SelectMany(v => v).ToArray();
            var s = Tensor.From(values, dtype: DType.Float64).Sign().ToArray();
            for (var k = 0; k < s.Length; k++)
            {
                Assert.Equal(new double[] { 0, 0, 0, -1, 1 }[k % 5], s[k]);
                Assert.False(double.IsNegative(s[k]) && s[k] == 0, $"sign({values[k]}) is +0");
            }
        }
    }

    [Fact]
    public void Sign_floor_ceil_and_round_have_a_zero_gradient()
    {
        // x = torch.tensor([0.3, -1.5, 2.0], requires_grad=True); torch.autograd.grad(torch.floor(x).sum(), x) -> (tensor([0., 0., 0.]),)
        // (the same for sign, ceil, round; each output has its grad_fn: FloorBackward0, ...)
        foreach (var (op, name) in new (Func<Tensor, Tensor>, string)[]
                 { (t => t.Sign(), "SignBackward0"), (t => t.Floor(), "FloorBackward0"), (t => t.Ceil(), "CeilBackward0"), (t => t.Round(), "RoundBackward0") })
        {
            var x = Tensor.From([0.3, -1.5, 2.0], requiresGrad: true);
            var y = op(x);
            Assert.Equal(name, y.GradFn?.Name);
            y.Sum().Backward();
            Assert.Equal([0, 0, 0], x.Grad!.ToArray());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Maximum and minimum

    [Fact]
    public void At_a_tie_maximum_and_minimum_give_each_input_half_the_gradient()
    {
        // a = torch.tensor([1.,2.,3.], requires_grad=True); b = torch.tensor([1.,1.,4.], requires_grad=True)
        // torch.maximum(a,b).sum().backward() -> a.grad tensor([0.5000, 1.0000, 0.0000]), b.grad tensor([0.5000, 0.0000, 1.0000])
        var a = Tensor.From([1.0, 2, 3], requiresGrad: true);
        var b = Tensor.From([1.0, 1, 4], requiresGrad: true);
        Tensor.Maximum(a, b).Sum().Backward();
        Assert.Equal([0.5, 1, 0], a.Grad!.ToArray());
        Assert.Equal([0.5, 0, 1], b.Grad!.ToArray());
        // torch.minimum(a,b).sum().backward() -> a.grad tensor([0.5000, 0.0000, 1.0000]), b.grad tensor([0.5000, 1.0000, 0.0000])
        a.Grad = null;
        b.Grad = null;
        Tensor.Minimum(a, b).Sum().Backward();
        Assert.Equal([0.5, 0, 1], a.Grad!.ToArray());
        Assert.Equal([0.5, 1, 0], b.Grad!.ToArray());
    }

    [Fact]
    public void At_a_tie_maximum_s_jvp_is_the_mean_of_the_tangents()
    {
        // with fwAD.dual_level(): A = make_dual([1.,2.,3.], [1.,1.,1.]); B = make_dual([1.,1.,4.], [3.,3.,3.])
        // unpack_dual(torch.maximum(A, B)).tangent -> tensor([2., 1., 3.])
        var z = Tensor.From(new double[,] { { 1, 2, 3 }, { 1, 1, 4 } });
        var v = Tensor.From(new double[,] { { 1, 1, 1 }, { 3, 3, 3 } });
        var (y, jvp) = Autograd.Jvp(t => Tensor.Maximum(t[0], t[1]), z, v);
        Assert.Equal([1, 2, 4], y.ToArray());
        Assert.Equal([2, 1, 3], jvp.ToArray());
    }

    [Fact]
    public void Maximum_and_minimum_propagate_NaN_and_pass_it_the_whole_gradient()
    {
        var nan = double.NaN;
        // torch.maximum(torch.tensor([nan, 1.]), torch.tensor([1., nan])) -> tensor([nan, nan]); torch.minimum the same
        Assert.Equal([nan, nan], Tensor.Maximum(Tensor.From([nan, 1]), Tensor.From([1, nan])).ToArray());
        Assert.Equal([nan, nan], Tensor.Minimum(Tensor.From([nan, 1]), Tensor.From([1, nan])).ToArray());
        // 20 elements take the vector path
        var many = Enumerable.Repeat(new[] { nan, 1.0 }, 10).SelectMany(p => p).ToArray();
        var other = Enumerable.Repeat(new[] { 1.0, nan }, 10).SelectMany(p => p).ToArray();
        Assert.All(Tensor.Maximum(Tensor.From(many), Tensor.From(other)).ToArray(), e => Assert.True(double.IsNaN(e)));
        Assert.All(Tensor.Minimum(Tensor.From(many), Tensor.From(other)).ToArray(), e => Assert.True(double.IsNaN(e)));
        // a = torch.tensor([nan, 1., 2.], requires_grad=True); b = torch.tensor([1., nan, 2.], requires_grad=True)
        // torch.maximum(a,b).sum().backward() -> a.grad tensor([1.0000, 1.0000, 0.5000]), b.grad the same
        var a = Tensor.From([nan, 1, 2], requiresGrad: true);
        var b = Tensor.From([1, nan, 2], requiresGrad: true);
        Tensor.Maximum(a, b).Sum().Backward();
        Assert.Equal([1, 1, 0.5], a.Grad!.ToArray());
        Assert.Equal([1, 1, 0.5], b.Grad!.ToArray());
    }

    [Fact]
    public void A_tie_of_signed_zeros_returns_the_first_operand()
    {
        // 1/torch.maximum(torch.tensor([0.0]), torch.tensor([-0.0])) -> tensor([inf]); with the operands swapped -> tensor([-inf])
        // 1/torch.minimum(torch.tensor([0.0]), torch.tensor([-0.0])) -> tensor([inf]); with the operands swapped -> tensor([-inf])
        // Nabla returns the first operand on its vector path too (20 elements). PyTorch 1.13's own AVX2 path does not:
        // 1/torch.maximum(torch.zeros(20), torch.full((20,), -0.0)) -> 16 × -inf then 4 × inf (vectors of 8 take the
        // second operand, the scalar tail the first), so the sign of a zero tie is not something PyTorch defines.
        foreach (var n in new[] { 1, 20 })
        {
            var (pz, nz) = (Tensor.Zeros([n]), Tensor.Full([n], -0.0));
            Assert.All((1.0 / Tensor.Maximum(pz, nz)).ToArray(), e => Assert.Equal(double.PositiveInfinity, e));
            Assert.All((1.0 / Tensor.Maximum(nz, pz)).ToArray(), e => Assert.Equal(double.NegativeInfinity, e));
            Assert.All((1.0 / Tensor.Minimum(pz, nz)).ToArray(), e => Assert.Equal(double.PositiveInfinity, e));
            Assert.All((1.0 / Tensor.Minimum(nz, pz)).ToArray(), e => Assert.Equal(double.NegativeInfinity, e));
        }
    }

    [Fact]
    public void Maximum_and_minimum_of_Int64_are_exact_at_the_extremes_on_the_vector_path()
    {
        // a = torch.tensor([-2**63, 2**63 - 1, 5, -5] * 5); b = torch.tensor([2**63 - 1, -2**63, -5, 5] * 5)
        // torch.maximum(a, b) -> [2**63 - 1, 2**63 - 1, 5, 5] * 5; torch.minimum(a, b) -> [-2**63, -2**63, -5, -5] * 5
        long[] a = [.. Enumerable.Repeat(new[] { long.MinValue, long.MaxValue, 5L, -5L }, 5).SelectMany(q => q)];
        long[] b = [.. Enumerable.Repeat(new[] { long.MaxValue, long.MinValue, -5L, 5L }, 5).SelectMany(q => q)];
        Assert.Equal([.. Enumerable.Repeat(new[] { long.MaxValue, long.MaxValue, 5L, 5L }, 5).SelectMany(q => q)],
                     Tensor.Maximum(Tensor.From(a), Tensor.From(b)).ToInt64Array());
        Assert.Equal([.. Enumerable.Repeat(new[] { long.MinValue, long.MinValue, -5L, -5L }, 5).SelectMany(q => q)],
                     Tensor.Minimum(Tensor.From(a), Tensor.From(b)).ToInt64Array());
    }

    [Fact]
    public void Maximum_broadcasts_and_sums_each_gradient_back_to_its_input_s_shape()
    {
        // a = torch.tensor([[1.],[5.]], requires_grad=True); b = torch.tensor([0.,2.,9.], requires_grad=True)
        // torch.maximum(a, b) -> tensor([[1., 2., 9.], [5., 5., 9.]]); .sum().backward() -> a.grad [[1.],[2.]], b.grad [0., 1., 2.]
        var a = Tensor.From([1.0, 5], [2, 1], requiresGrad: true);
        var b = Tensor.From([0.0, 2, 9], requiresGrad: true);
        var y = Tensor.Maximum(a, b);
        Assert.Equal([2, 3], y.Shape);
        Assert.Equal([1, 2, 9, 5, 5, 9], y.ToArray());
        y.Sum().Backward();
        Assert.Equal([1, 2], a.Grad!.ToArray());
        Assert.Equal([2, 1], a.Grad!.Shape);
        Assert.Equal([0, 1, 2], b.Grad!.ToArray());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Atan2

    [Fact]
    public void Atan2_has_C_s_quadrants_and_signed_zeros()
    {
        // torch.atan2(torch.tensor([1.,-1.,-1.,1.,0.,0.,-0.,-0.]), torch.tensor([1.,1.,-1.,-1.,0.,-0.,0.,-0.]))
        // -> [0.785398, -0.785398, -2.356194, 2.356194, 0.0, 3.141593, -0.0, -3.141593]
        var y = F64(1, -1, -1, 1, 0, 0, -0.0, -0.0).Atan2(F64(1, 1, -1, -1, 0, -0.0, 0, -0.0)).ToArray();
        double[] expected = [Math.PI / 4, -Math.PI / 4, -3 * Math.PI / 4, 3 * Math.PI / 4, 0, Math.PI, -0.0, -Math.PI];
        Approx.Within(expected, y, 2 * Approx.Eps64 * Math.PI);
        Assert.False(double.IsNegative(y[4]), "atan2(0, 0) is +0");
        Assert.True(double.IsNegative(y[6]), "atan2(−0, 0) is −0");
    }

    [Fact]
    public void Atan2_s_gradients_are_PyTorch_s_with_broadcasting()
    {
        // a = torch.tensor([0.5, -1.0], dtype=torch.float64, requires_grad=True)
        // b = torch.tensor([[2.0], [-0.25]], dtype=torch.float64, requires_grad=True)
        // torch.atan2(a, b) -> [0.24497866312686414, -0.4636476090008061, 2.0344439357957027, -1.8157749899217608]
        // torch.autograd.grad(torch.atan2(a, b).sum(), (a, b)) -> [-0.3294117647058824, 0.1647058823529412],
        //                                                          [0.0823529411764706, -0.6588235294117648]
        var a = Tensor.From([0.5, -1.0], requiresGrad: true, dtype: DType.Float64);
        var b = Tensor.From([2.0, -0.25], [2, 1], requiresGrad: true, dtype: DType.Float64);
        var y = a.Atan2(b);
        Assert.Equal("Atan2Backward0", y.GradFn?.Name);
        Approx.Within([0.24497866312686414, -0.4636476090008061, 2.0344439357957027, -1.8157749899217608], y.ToArray(), 8 * Approx.Eps64);
        var g = Autograd.Grad([y.Sum()], [a, b]);
        Approx.Within([-0.3294117647058824, 0.1647058823529412], g[0]!.ToArray(), 8 * Approx.Eps64);
        Approx.Within([0.0823529411764706, -0.6588235294117648], g[1]!.ToArray(), 8 * Approx.Eps64);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Gradients of the one-input functions

    [Fact]
    public void The_one_input_functions_have_PyTorch_s_gradients()
    {
        // x = torch.tensor([0.3, -0.6, 0.85], dtype=torch.float64, requires_grad=True); torch.autograd.grad(f(x).sum(), x)
        var cases = new (Func<Tensor, Tensor> F, string Name, double[] Grad)[]
        {
            (t => t.Log1p(), "log1p", [0.7692307692307692, 2.5, 0.5405405405405405]),
            (t => t.Expm1(), "expm1", [1.3498588075760032, 0.5488116360940265, 2.339646851925991]),
            (t => t.Erf(), "erf", [1.031260909618963, 0.7872434317142872, 0.5478697173481014]),
            (t => t.Tan(), "tan", [1.095688915322547, 1.4680431725279575, 2.29580136600602]),
            (t => t.Atan(), "atan", [0.9174311926605504, 0.7352941176470589, 0.5805515239477503]),
            (t => t.Asin(), "asin", [1.0482848367219182, 1.25, 1.8983159915049976]),
            (t => t.Acos(), "acos", [-1.0482848367219182, -1.25, -1.8983159915049976]),
            (t => t.Sinh(), "sinh", [1.0453385141288605, 1.1854652182422676, 1.3835308919373588]),
            (t => t.Cosh(), "cosh", [0.3045202934471426, -0.6366535821482412, 0.956115959988632]),
            (t => t.Square(), "square", [0.6, -1.2, 1.7]),
        };
        foreach (var (f, name, grad) in cases)
        {
            var x = Tensor.From([0.3, -0.6, 0.85], requiresGrad: true, dtype: DType.Float64);
            var g = Autograd.Grad([f(x).Sum()], [x])[0]!;
            // a few roundings of values of magnitude at most 2.3
            Approx.Within(grad, g.ToArray(), 16 * Approx.Eps64, name);
        }
        // p = torch.tensor([0.6, 1.5, 4.0], dtype=torch.float64, requires_grad=True); torch.autograd.grad(torch.rsqrt(p).sum(), p)
        var p = Tensor.From([0.6, 1.5, 4.0], requiresGrad: true, dtype: DType.Float64);
        Approx.Within([-1.0758287072798378, -0.2721655269759088, -0.0625], Autograd.Grad([p.Rsqrt().Sum()], [p])[0]!.ToArray(), 16 * Approx.Eps64, "rsqrt");
    }

    [Fact]
    public void Every_differentiable_member_passes_gradgradcheck()
    {
        // torch.autograd.gradgradcheck(f, (x,)) is True for each of these at x = [0.3, -0.6, 0.85] (float64), and for
        // atan2, maximum and minimum (no ties) at the inputs below: their rules are built from ops, so they differentiate again
        Func<Tensor, Tensor>[] unary =
        [
            t => t.Log1p(), t => t.Expm1(), t => t.Erf(), t => t.Tan(), t => t.Atan(), t => t.Asin(), t => t.Acos(),
            t => t.Sinh(), t => t.Cosh(), t => t.Square(), t => (t + 1).Rsqrt(), t => t.Reciprocal(),
        ];
        foreach (var f in unary)
            Assert.True(Autograd.GradGradCheck(xs => f(xs[0]), [Tensor.From([0.3, -0.6, 0.85], requiresGrad: true, dtype: DType.Float64)]));
        var a = Tensor.From([0.5, -1.0, 2.5], requiresGrad: true, dtype: DType.Float64);
        var b = Tensor.From([2.0, -0.25], [2, 1], requiresGrad: true, dtype: DType.Float64);
        Assert.True(Autograd.GradGradCheck(xs => xs[0].Atan2(xs[1]), [a, b]));
        Assert.True(Autograd.GradGradCheck(xs => Tensor.Maximum(xs[0], xs[1]) * xs[0], [a, b]));
        Assert.True(Autograd.GradGradCheck(xs => Tensor.Minimum(xs[0], xs[1]) * xs[1], [a, b]));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Errors

    [Theory]
    [InlineData("maximum")]
    [InlineData("minimum")]
    [InlineData("atan2")]
    public void Shapes_that_do_not_broadcast_name_the_op_and_both_shapes(string op)
    {
        // torch.maximum(torch.ones(2,3), torch.ones(4))  (and torch.minimum, torch.atan2)
        // -> RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1
        var (a, b) = (Tensor.Ones([2, 3]), Tensor.Ones([4]));
        Func<Tensor> f = op switch
        {
            "maximum" => () => Tensor.Maximum(a, b),
            "minimum" => () => Tensor.Minimum(a, b),
            _ => () => a.Atan2(b),
        };
        var e = Assert.ThrowsAny<ArgumentException>(f);
        // as the engine's other broadcasting ops (ShapeErrorTests): the op and both shapes, where PyTorch gives only sizes
        foreach (var part in new[] { op + ":", "[2, 3]", "[4]" })
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_operands_are_refused_by_name()
    {
        var x = Tensor.Ones([2]);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => Tensor.Maximum(x, null!)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Tensor.Minimum(null!, x)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => x.Atan2(null!)).ParamName);
    }
}
