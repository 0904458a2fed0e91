namespace Nabla.Examples;

/// <summary>
/// The reduction vocabulary's edge cases, each expected value with the PyTorch 1.13 line that produced it: ties and
/// NaN in max/min, zeros in prod, the zero vector in norm, corrections at or past the count in var/std, large and
/// infinite logits in logsumexp, empty and repeated dims, keepDim shapes, dtypes and errors.
/// </summary>
public sealed class ReductionVocabularyTests
{
    const double Nan = double.NaN;
    const double Inf = double.PositiveInfinity;

    static Tensor F(params double[] values) => Tensor.From(values, requiresGrad: true);

    // x.grad after (y * 1).sum().backward(), i.e. y.backward(torch.ones_like(y)).
    static double[] Grad(Tensor x, Func<Tensor, Tensor> f)
    {
        var y = f(x);
        y.Backward(Tensor.Ones(y.Shape, dtype: y.DType));
        return x.Grad!.ToArray();
    }

    static void Equal(double[] expected, double[] actual, double tolerance = 4 * Approx.Eps32)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            if (double.IsNaN(expected[k]) || double.IsInfinity(expected[k])) Assert.Equal(expected[k], actual[k]);
            else Approx.Relative(expected[k], actual[k], tolerance, what: $"element {k}");
    }

    [Fact]
    public void Max_and_min_over_a_dim_pick_the_first_extreme_and_give_it_the_whole_gradient()
    {
        var x = Tensor.From(new double[,] { { 1, 3, 3 }, { 2, 2, 0 } }, requiresGrad: true);
        // x.max(1) -> values=tensor([3., 2.]), indices=tensor([1, 0])
        var (values, indices) = x.Max(1);
        Equal([3, 2], values.ToArray());
        Assert.Equal("tensor([1, 0])", indices.ToString());
        Assert.Equal(DType.Int64, indices.DType);
        Assert.False(indices.RequiresGrad);
        Assert.Equal("MaxBackward0", values.GradFn?.Name);
        // g(lambda x: x.max(1)[0], x) -> tensor([[0., 1., 0.], [1., 0., 0.]])
        Equal([0, 1, 0, 1, 0, 0], Grad(x, t => t.Max(1).Values));
        // g(lambda x: x.min(0)[0], torch.tensor([2., 1., 1., 5.])) -> tensor([0., 1., 0., 0.])
        Equal([0, 1, 0, 0], Grad(F(2, 1, 1, 5), t => t.Min(0).Values));
        // torch.tensor([3., 1., 1.]).argmin(0) -> tensor(1)
        Assert.Equal("tensor(1)", Tensor.From([3.0, 1, 1]).ArgMin(0).ToString());
        // x.max(1, keepdim=True) -> values shape [2, 1], indices tensor([[1], [0]])
        var kept = x.Max(1, keepDim: true);
        Assert.Equal([2, 1], kept.Values.Shape);
        Assert.Equal("tensor([[1],\n        [0]])", kept.Indices.ToString());
        // x.min(1) -> values=tensor([1., 0.]), indices=tensor([0, 2]), grad_fn=<MinBackward0>
        Assert.Equal("MinBackward0", x.Min(1).Values.GradFn?.Name);
        Assert.Equal("tensor([0, 2])", x.Min(1).Indices.ToString());
    }

    [Fact]
    public void Max_and_min_over_a_dim_of_rank_three_tensors_read_each_slice()
    {
        // torch.arange(24.).reshape(2, 3, 4).remainder(5).max(0) -> indices tensor([[1, 1, 1, 0], [0, 1, 1, 1], [0, 0, 1, 1]])
        var x = Tensor.From(Enumerable.Range(0, 24).Select(k => (double)(k % 5)).ToArray(), [2, 3, 4]);
        Assert.Equal("tensor([[1, 1, 1, 0],\n        [0, 1, 1, 1],\n        [0, 0, 1, 1]])", x.Max(0).Indices.ToString());
        // ....argmax(0) -> the same; .min(0).indices -> tensor([[0, 0, 0, 1], [1, 0, 0, 0], [1, 1, 0, 0]])
        Assert.Equal(x.Max(0).Indices.ToString(), x.ArgMax(0).ToString());
        Assert.Equal("tensor([[0, 0, 0, 1],\n        [1, 0, 0, 0],\n        [1, 1, 0, 0]])", x.Min(0).Indices.ToString());
    }

    [Fact]
    public void A_NaN_wins_max_and_min_and_shares_the_gradient_of_the_whole_reduction()
    {
        // torch.tensor([1., nan, 3., nan]).max(0) -> values=tensor(nan), indices=tensor(1); .min(0) the same
        var x = Tensor.From([1, Nan, 3, Nan]);
        Assert.True(double.IsNaN(x.Max(0).Values.Item()));
        Assert.Equal("tensor(1)", x.Max(0).Indices.ToString());
        Assert.Equal("tensor(1)", x.Min(0).Indices.ToString());
        // torch.tensor([1., nan, 3., nan]).argmin(0) -> tensor(1)
        Assert.Equal("tensor(1)", x.ArgMin(0).ToString());
        // g(lambda x: x.max(0)[0], torch.tensor([2., nan, 1., nan])) -> tensor([0., 1., 0., 0.])
        Equal([0, 1, 0, 0], Grad(F(2, Nan, 1, Nan), t => t.Max(0).Values));
        // g(lambda x: x.max(), ...) -> tensor([0.0000, 0.5000, 0.0000, 0.5000]); g(lambda x: x.min(), ...) the same
        Equal([0, 0.5, 0, 0.5], Grad(F(2, Nan, 1, Nan), t => t.Max()));
        Equal([0, 0.5, 0, 0.5], Grad(F(2, Nan, 1, Nan), t => t.Min()));
        // torch.tensor([nan, 1.]).min() -> tensor(nan)
        Assert.True(double.IsNaN(Tensor.From([Nan, 1]).Min().Item()));
    }

    [Fact]
    public void Min_of_everything_shares_the_gradient_among_ties()
    {
        // g(lambda x: x.min(), torch.tensor([2., 1., 1., 5.])) -> tensor([0.0000, 0.5000, 0.5000, 0.0000]); grad_fn MinBackward1
        Equal([0, 0.5, 0.5, 0], Grad(F(2, 1, 1, 5), t => t.Min()));
        Assert.Equal("MinBackward1", F(2, 1).Min().GradFn?.Name);
        // torch.tensor([3, 1, 1]).min() -> tensor(1); torch.tensor([3, 1, 1]).max(0) -> values=tensor(3), indices=tensor(0)
        Assert.Equal("tensor(1)", Tensor.From([3L, 1L, 1L]).Min().ToString());
        Assert.Equal("tensor(3) tensor(0)", $"{Tensor.From([3L, 1L, 1L]).Max(0).Values} {Tensor.From([3L, 1L, 1L]).Max(0).Indices}");
    }

    [Fact]
    public void Empty_reductions_of_max_and_min_are_refused_or_empty_as_in_PyTorch()
    {
        var empty = Tensor.Zeros([0, 3]);
        // torch.zeros(0,3).max(0) -> IndexError: max(): Expected reduction dim 0 to have non-zero size.
        Assert.StartsWith("max(): Expected reduction dim 0 to have non-zero size.", Assert.Throws<ArgumentException>(() => empty.Max(0)).Message);
        // torch.zeros(0,3).argmin(0) -> IndexError: argmin(): Expected reduction dim 0 to have non-zero size.
        Assert.StartsWith("argmin(): Expected reduction dim 0 to have non-zero size.", Assert.Throws<ArgumentException>(() => empty.ArgMin(0)).Message);
        // torch.zeros(0,3).max(1) -> values=tensor([]), indices=tensor([], dtype=torch.int64)
        Assert.Equal([0], empty.Max(1).Values.Shape);
        Assert.Equal([0], empty.Max(1).Indices.Shape);
        // torch.zeros(0,3).min() -> RuntimeError: min(): Expected reduction dim to be specified for input.numel() == 0. ...
        Assert.StartsWith("min(): Expected reduction dim to be specified for input.numel() == 0.", Assert.Throws<ArgumentException>(() => empty.Min()).Message);
        // torch.tensor(2.).max(0) -> values=tensor(2.), indices=tensor(0)
        Assert.Equal("tensor(2.) tensor(0)", $"{Tensor.Scalar(2).Max(0).Values} {Tensor.Scalar(2).Max(0).Indices}");
    }

    [Fact]
    public void Sum_and_mean_over_dims_normalize_them_reduce_all_for_none_and_refuse_repeats()
    {
        var x = Tensor.From(new double[,] { { 1, 3, 3 }, { 2, 2, 0 } }, requiresGrad: true);
        // x.sum([]) -> tensor(11., grad_fn=<SumBackward1>); x.mean([]) -> tensor(1.8333, grad_fn=<MeanBackward1>)
        Assert.Equal("tensor(11., grad_fn=<SumBackward1>)", x.Sum([]).ToString());
        Assert.Equal("tensor(1.8333, grad_fn=<MeanBackward1>)", x.Mean([]).ToString());
        // x.mean((1,0), keepdim=True) -> tensor([[1.8333]], grad_fn=<MeanBackward1>)
        Assert.Equal([1, 1], x.Mean([1, 0], keepDim: true).Shape);
        // x.sum([0,0]) and x.sum([0,-2]) -> RuntimeError: dim 0 appears multiple times in the list of dims
        Assert.Contains("dim 0 appears multiple times in the list of dims", Assert.Throws<ArgumentException>(() => x.Sum([0, 0])).Message);
        Assert.Contains("dim 0 appears multiple times in the list of dims", Assert.Throws<ArgumentException>(() => x.Mean([0, -2])).Message);
        // x.sum([0,2]) -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        Assert.Contains("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.ThrowsAny<ArgumentException>(() => x.Sum([0, 2])).Message);
        // torch.tensor([1,2]).sum([0]) -> tensor(3); torch.tensor([1,2]).mean([0]) -> RuntimeError: mean(): could not infer output dtype. ...
        Assert.Equal("tensor(3)", Tensor.From([1L, 2L]).Sum([0]).ToString());
        Assert.StartsWith("mean(): could not infer output dtype.", Assert.Throws<ArgumentException>(() => Tensor.From([1L, 2L]).Mean([0])).Message);
        // torch.tensor(2.).sum([0]) -> tensor(2.); torch.tensor(2.).sum([0, -1]) -> RuntimeError: dim 0 appears multiple times ...
        Assert.Equal("tensor(2.)", Tensor.Scalar(2).Sum([0]).ToString());
        Assert.Contains("dim 0 appears multiple times", Assert.Throws<ArgumentException>(() => Tensor.Scalar(2).Sum([0, -1])).Message);
        // The int overloads stay what they were: x.sum(0) -> SumBackward1 of shape [3].
        Assert.Equal([3], x.Sum(0).Shape);
        // g(lambda x: x.mean((0, 1)), x) -> 1/6 everywhere
        Equal(Enumerable.Repeat(1.0 / 6, 6).ToArray(), Grad(x, t => t.Mean([0, 1])));
    }

    [Fact]
    public void Prod_gradients_are_right_with_one_zero_and_with_several()
    {
        // g(lambda x: x.prod(), torch.tensor([2., 0., 3.])) -> tensor([0., 6., 0.])
        Equal([0, 6, 0], Grad(F(2, 0, 3), t => t.Prod()));
        // g(lambda x: x.prod(), torch.tensor([2., 0., 0.])) -> tensor([0., 0., 0.])
        Equal([0, 0, 0], Grad(F(2, 0, 0), t => t.Prod()));
        // g(lambda x: x.prod(1), torch.tensor([[2., 0., 3.], [0., 0., 4.], [1., 2., 3.]])) -> [[0., 6., 0.], [0., 0., 0.], [6., 3., 2.]]
        var m = Tensor.From(new double[,] { { 2, 0, 3 }, { 0, 0, 4 }, { 1, 2, 3 } }, requiresGrad: true);
        Equal([0, 6, 0, 0, 0, 0, 6, 3, 2], Grad(m, t => t.Prod(1)));
        // x.requires_grad_().prod().grad_fn -> ProdBackward0; x.prod(1).grad_fn -> ProdBackward1
        Assert.Equal("ProdBackward0", m.Prod().GradFn?.Name);
        Assert.Equal("ProdBackward1", m.Prod(1).GradFn?.Name);
    }

    [Fact]
    public void Prod_gradients_with_two_zeros_are_differentiable_again()
    {
        // x = torch.tensor([[2.,0.,0.]], requires_grad=True); g, = torch.autograd.grad(x.prod(1).sum(), x, create_graph=True)
        // torch.autograd.grad(g.sum(), x) -> tensor([[0., 2., 2.]])
        var x = Tensor.From([2.0, 0, 0], [1, 3], requiresGrad: true);
        var g = Autograd.Grad([x.Prod(1).Sum()], [x], createGraph: true)[0]!;
        Equal([0, 2, 2], Autograd.Grad([g.Sum()], [x])[0]!.ToArray());
        // PyTorch's x.prod() gives a constant zero gradient here (grad_fn None, so its second derivative is refused);
        // Nabla's is the same zeros, differentiable, with the same second derivative as prod(1)'s.
        var all = Autograd.Grad([x.Prod()], [x], createGraph: true)[0]!;
        Equal([0, 0, 0], all.ToArray());
        Equal([0, 2, 2], Autograd.Grad([all.Sum()], [x])[0]!.ToArray());
    }

    [Fact]
    public void Prod_of_nothing_is_one_and_int64_stays_int64()
    {
        // torch.zeros(0).prod() -> tensor(1.); torch.zeros(2,0).prod(1) -> tensor([1., 1.]); torch.tensor(3.).prod(0) -> tensor(3.)
        Assert.Equal("tensor(1.)", Tensor.Zeros([0]).Prod().ToString());
        Assert.Equal("tensor([1., 1.])", Tensor.Zeros([2, 0]).Prod(1).ToString());
        Assert.Equal("tensor(3.)", Tensor.Scalar(3).Prod(0).ToString());
        // torch.tensor([3, 4]).prod() -> tensor(12); torch.tensor([3, 4]).prod(0) -> tensor(12)
        Assert.Equal("tensor(12)", Tensor.From([3L, 4L]).Prod().ToString());
        Assert.Equal("tensor(12)", Tensor.From([3L, 4L]).Prod(0).ToString());
    }

    [Fact]
    public void Norm_gradients_at_zero_are_zero_and_the_infinity_norm_shares_among_ties()
    {
        // g(lambda x: x.norm(), torch.zeros(3)) -> tensor([0., 0., 0.]); the same for norm(1) and norm(3)
        Equal([0, 0, 0], Grad(F(0, 0, 0), t => t.Norm()));
        Equal([0, 0, 0], Grad(F(0, 0, 0), t => t.Norm(1)));
        Equal([0, 0, 0], Grad(F(0, 0, 0), t => t.Norm(3)));
        // g(lambda x: x.norm(float('inf')), torch.tensor([1., -3., 3.])) -> tensor([ 0.0000, -0.5000,  0.5000])
        Equal([0, -0.5, 0.5], Grad(F(1, -3, 3), t => t.Norm(Inf)));
        // g(lambda x: x.norm(0.5), torch.tensor([0., 1., 2.])) -> tensor([0.0000, 2.4142, 1.7071])
        Equal([0, 1 + Math.Sqrt(2), 1 + Math.Sqrt(0.5)], Grad(F(0, 1, 2), t => t.Norm(0.5)));
        // g(lambda x: x.norm(0), torch.tensor([0., 1., 2.])) -> None (no gradient): zeros here
        Equal([0, 0, 0], Grad(F(0, 1, 2), t => t.Norm(0)));
        // g(lambda x: x.norm(2, 1), torch.tensor([[0., 0.], [3., 4.]])) -> tensor([[0.0000, 0.0000], [0.6000, 0.8000]])
        Equal([0, 0, 0.6, 0.8], Grad(Tensor.From(new double[,] { { 0, 0 }, { 3, 4 } }, requiresGrad: true), t => t.Norm(2, 1)));
    }

    [Fact]
    public void Norm_counts_takes_extremes_and_refuses_int64()
    {
        var x = Tensor.From([-0.9, -0.4, 0.3, 0.5, 0.75, 0.2], [2, 3]);
        // x.norm(0) -> tensor(6.); x.norm(float('-inf')) -> tensor(0.2000); x.norm(-1) -> tensor(0.0655)
        Assert.Equal(6, x.Norm(0).Item());
        Approx.Relative(0.2, x.Norm(double.NegativeInfinity).Item(), Approx.Eps32);
        Approx.Relative(1 / (1 / 0.9 + 1 / 0.4 + 1 / 0.3 + 1 / 0.5 + 1 / 0.75 + 1 / 0.2), x.Norm(-1).Item(), 8 * Approx.Eps32);
        // x.norm(float('inf'), 1) -> tensor([0.9000, 0.7500]); x.norm(0.5) -> tensor(17.2159)
        Equal([0.9, 0.75], x.Norm(Inf, 1).ToArray());
        Approx.Relative(17.2159, x.Norm(0.5).Item(), 1e-5);
        // torch.zeros(0).norm() -> tensor(0.); torch.zeros(0).norm(float('inf')) -> tensor(0.); torch.tensor(-3.).norm(2, 0) -> tensor(3.)
        Assert.Equal("tensor(0.) tensor(0.) tensor(3.)", $"{Tensor.Zeros([0]).Norm()} {Tensor.Zeros([0]).Norm(Inf)} {Tensor.Scalar(-3).Norm(2, 0)}");
        // torch.tensor([1, 2]).norm() -> RuntimeError: norm(): input dtype should be either floating point or complex. Got Long instead.
        Assert.StartsWith("norm(): input dtype should be either floating point or complex. Got Long instead.",
            Assert.Throws<ArgumentException>(() => Tensor.From([1L, 2L]).Norm()).Message);
    }

    [Fact]
    public void Var_and_std_past_the_count_give_infinity_or_NaN_as_PyTorch()
    {
        var x = Tensor.From([-0.9, -0.4, 0.3, 0.5, 0.75, 0.2], [2, 3], requiresGrad: true);
        // x.var(dim=1, correction=3) -> tensor([inf, inf]); x.std(dim=1, correction=3) -> tensor([inf, inf]); x.var(dim=None, correction=7) -> inf
        Equal([Inf, Inf], x.Var(1, correction: 3).ToArray());
        Equal([Inf, Inf], x.Std(1, correction: 3).ToArray());
        Assert.Equal(Inf, x.Var(null, correction: 7).Item());
        // torch.tensor([1.,1.]).var(dim=None, correction=2) -> tensor(nan); torch.tensor(2.).var() -> tensor(nan); torch.zeros(0).var() -> tensor(nan)
        Assert.True(double.IsNaN(Tensor.From([1.0, 1]).Var(null, correction: 2).Item()));
        Assert.True(double.IsNaN(Tensor.Scalar(2).Var().Item()));
        Assert.True(double.IsNaN(Tensor.Zeros([0]).Var().Item()));
        // x.var(dim=None, correction=-1) -> tensor(0.2684); torch.tensor(2.).var(dim=None, correction=0) -> tensor(0.)
        Approx.Relative(0.2684, x.Var(null, correction: -1).Item(), 2e-4);
        Assert.Equal(0, Tensor.Scalar(2).Var(null, correction: 0).Item());
        // x.var(dim=None, correction=0, keepdim=True) -> tensor([[0.3131]]) (shape [1, 1]); x.var(dim=1, correction=0, keepdim=True) -> shape [2, 1]
        Assert.Equal([1, 1], x.Var(null, correction: 0, keepDim: true).Shape);
        Assert.Equal([2, 1], x.Var(1, correction: 0, keepDim: true).Shape);
        // g(lambda x: x.var(dim=None, correction=5), torch.tensor([1.,2.,4.])) -> tensor([ 1.3333,  0.3333, -1.6667]) (n − c unclamped)
        Equal([4.0 / 3, 1.0 / 3, -5.0 / 3], Grad(F(1, 2, 4), t => t.Var(null, correction: 5)));
        // g(lambda x: x.std(dim=None, correction=5), torch.tensor([1.,2.,4.])) -> tensor([0., 0., -0.])
        Equal([0, 0, 0], Grad(F(1, 2, 4), t => t.Std(null, correction: 5)));
        // g(lambda x: x.var(), torch.tensor(1.)) -> tensor(inf); g(lambda x: x.std(), torch.tensor(1.)) -> tensor(nan)
        Assert.Equal([Inf], Grad(Tensor.Scalar(1, requiresGrad: true), t => t.Var()));
        Assert.True(double.IsNaN(Grad(Tensor.Scalar(1, requiresGrad: true), t => t.Std())[0]));
        // g(lambda x: x.var(0), torch.tensor([1.])) -> tensor([nan])
        Assert.True(double.IsNaN(Grad(F(1), t => t.Var(0))[0]));
    }

    [Fact]
    public void Std_of_equal_values_has_a_zero_gradient_and_int64_is_refused()
    {
        // torch.ones(3).std(0) -> tensor(0.); g(lambda x: x.std(), torch.ones(3)) -> tensor([0., 0., 0.]); the same for std(0)
        Assert.Equal(0, Tensor.Ones([3]).Std(0).Item());
        Equal([0, 0, 0], Grad(F(1, 1, 1), t => t.Std()));
        Equal([0, 0, 0], Grad(F(1, 1, 1), t => t.Std(0)));
        // x.var(1).grad_fn -> VarBackward0; x.std(1).grad_fn -> StdBackward0
        Assert.Equal("VarBackward0 StdBackward0", $"{F(1, 2).Var(0).GradFn?.Name} {F(1, 2).Std(0).GradFn?.Name}");
        // torch.tensor([1,2]).var() -> RuntimeError: std and var only support floating point and complex dtypes
        Assert.StartsWith("std and var only support floating point and complex dtypes", Assert.Throws<ArgumentException>(() => Tensor.From([1L, 2L]).Var()).Message);
        Assert.StartsWith("std and var only support floating point and complex dtypes", Assert.Throws<ArgumentException>(() => Tensor.From([1L, 2L]).Std()).Message);
        // x.var(2) -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        Assert.Contains("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.ThrowsAny<ArgumentException>(() => Tensor.Zeros([2, 3]).Var(2)).Message);
    }

    [Fact]
    public void LogSumExp_is_stable_for_large_and_infinite_inputs()
    {
        // torch.tensor([1000., 1000.]).logsumexp(0) -> 1000.6931762695312; its gradient [0.4999854564666748, 0.4999854564666748]:
        // exp(x − y) with y rounded to Float32 near 1000 (an ulp there is 6e-5), the same bits in both
        var large = Tensor.From([1000.0, 1000], requiresGrad: true, dtype: DType.Float32);
        Approx.Relative(1000.6931762695312, large.LogSumExp(0).Item(), Approx.Eps32);
        Equal([0.4999854564666748, 0.4999854564666748], Grad(large, t => t.LogSumExp(0)));
        // torch.tensor([-inf, -inf]).logsumexp(0) -> tensor(-inf); its gradient tensor([nan, nan])
        Assert.Equal(double.NegativeInfinity, Tensor.From([-Inf, -Inf]).LogSumExp(0).Item());
        Assert.All(Grad(F(-Inf, -Inf), t => t.LogSumExp(0)), g => Assert.True(double.IsNaN(g)));
        // torch.tensor([inf, 1.]).logsumexp(0) -> tensor(inf); torch.tensor([inf, -inf]).logsumexp(0) -> tensor(inf); [nan, 1.] -> nan
        Assert.Equal(Inf, Tensor.From([Inf, 1]).LogSumExp(0).Item());
        Assert.Equal(Inf, Tensor.From([Inf, -Inf]).LogSumExp(0).Item());
        Assert.True(double.IsNaN(Tensor.From([Nan, 1]).LogSumExp(0).Item()));
        // torch.zeros(0).logsumexp(0) -> tensor(-inf); torch.tensor(2.).logsumexp(0) -> tensor(2.)
        Assert.Equal(double.NegativeInfinity, Tensor.Zeros([0]).LogSumExp(0).Item());
        Assert.Equal("tensor(2.)", Tensor.Scalar(2).LogSumExp(0).ToString());
        // torch.tensor([1, 2]).logsumexp(0) -> tensor(2.3133)
        Assert.Equal("tensor(2.3133)", Tensor.From([1L, 2L]).LogSumExp(0).ToString());
    }

    [Fact]
    public void Reductions_over_an_empty_dim_give_what_PyTorch_gives()
    {
        // torch.zeros(0).norm(float("-inf")) -> tensor(0.); torch.zeros(0).norm(0.5) -> tensor(0.)
        Assert.Equal("tensor(0.) tensor(0.)", $"{Tensor.Zeros([0]).Norm(double.NegativeInfinity)} {Tensor.Zeros([0]).Norm(0.5)}");
        // torch.zeros(2,0).norm(float("inf"), 1) -> tensor([0., 0.]); torch.zeros(2,0).norm(2, 1) -> tensor([0., 0.])
        Assert.Equal("tensor([0., 0.]) tensor([0., 0.])", $"{Tensor.Zeros([2, 0]).Norm(Inf, 1)} {Tensor.Zeros([2, 0]).Norm(2, 1)}");
        // torch.zeros(0,2).logsumexp(0) -> tensor([-inf, -inf]); torch.zeros(2,0).var(1) -> tensor([nan, nan])
        Assert.Equal("tensor([-inf, -inf]) tensor([nan, nan])", $"{Tensor.Zeros([0, 2]).LogSumExp(0)} {Tensor.Zeros([2, 0]).Var(1)}");
        // torch.zeros(2,0).cumsum(1) -> tensor([], size=(2, 0)); torch.zeros(2,0).sum([1]) -> tensor([0., 0.])
        Assert.Equal([2, 0], Tensor.Zeros([2, 0]).Cumsum(1).Shape);
        Assert.Equal("tensor([0., 0.])", Tensor.Zeros([2, 0]).Sum([1]).ToString());
        // torch.tensor([-0., 0.]).max(0) -> values=tensor(-0.), indices=tensor(0): a tie, not the IEEE maximum
        Assert.Equal("tensor(0)", Tensor.From([-0.0, 0.0]).Max(0).Indices.ToString());
    }

    [Fact]
    public void Long_float32_norms_variances_and_logsumexps_stay_accurate_through_the_cascade_summation()
    {
        // 2²⁰ elements: one sequential Float32 pass would err by ~n·ε/lanes (10⁻³ relative); the cascade by a few ε.
        const int n = 1 << 20;
        var tenths = Tensor.Full([n], 0.1, dtype: DType.Float32);
        var tenth = (double)0.1f;
        // ‖x‖₂ = √n · 0.1f, ‖x‖₁ = n · 0.1f, over all elements and along a dim, to within 16 ε.
        Approx.Relative(Math.Sqrt(n) * tenth, tenths.Norm().Item(), 16 * Approx.Eps32);
        Approx.Relative(n * tenth, tenths.Norm(1).Item(), 16 * Approx.Eps32);
        Approx.Relative(n * tenth, tenths.Reshape(1024, 1024).Norm(1, 0).Sum().Item(), 16 * Approx.Eps32);
        // ±1 around 1000: the mean is 1000 exactly, Σ(x − mean)² = n, so var = n / (n − 1) (each deviation exact).
        var signs = Tensor.From(Enumerable.Range(0, n).Select(k => 1000.0 + (k % 2 == 0 ? 1 : -1)).ToArray(), [n], dtype: DType.Float32);
        Approx.Relative(n / (n - 1.0), signs.Var().Item(), 16 * Approx.Eps32);
        Approx.Relative(1, signs.Reshape(1024, 1024).Var(1, correction: 0).Mean().Item(), 16 * Approx.Eps32);
        // logsumexp of n zeros is ln n.
        Approx.Relative(Math.Log(n), Tensor.Zeros([n]).LogSumExp(0).Item(), 16 * Approx.Eps32);
        Approx.Relative(Math.Log(1024), Tensor.Zeros([1024, 1024]).LogSumExp(0).Mean().Item(), 16 * Approx.Eps32);
    }

    [Fact]
    public void Cumsum_keeps_int64_and_its_gradient_sums_from_the_end()
    {
        // g(lambda x: x.cumsum(0), torch.tensor([1.,2.,4.])) -> tensor([3., 2., 1.])
        Equal([3, 2, 1], Grad(F(1, 2, 4), t => t.Cumsum(0)));
        // torch.tensor([1, 2]).cumsum(0) -> tensor([1, 3]); torch.tensor(2.).cumsum(0) -> tensor(2.); torch.zeros(0).cumsum(0) -> tensor([])
        Assert.Equal("tensor([1, 3])", Tensor.From([1L, 2L]).Cumsum(0).ToString());
        Assert.Equal("tensor(2.)", Tensor.Scalar(2).Cumsum(0).ToString());
        Assert.Equal([0], Tensor.Zeros([0]).Cumsum(0).Shape);
        // x.cumsum(2) -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        Assert.Contains("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.ThrowsAny<ArgumentException>(() => Tensor.Zeros([2, 3]).Cumsum(2)).Message);
    }
}
