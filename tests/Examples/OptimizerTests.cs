using Nabla.NN;
using Nabla.Optim;

namespace Nabla.Examples;

/// <summary>
/// Two steps of SGD and Adam on loss = Σ c·p³, p = [1, −2, 0.5], c = [0.5, 1, −2] in Float64, against PyTorch 1.13's
/// torch.optim (bench/torch/optim_reference.py prints the values quoted here). The three values are repeated five
/// times, so the updates' SIMD lanes and their scalar tail both meet every case.
/// </summary>
public class OptimizerTests
{
    const int Copies = 5;

    static double[] Tiled(double[] values) => Enumerable.Repeat(values, Copies).SelectMany(v => v).ToArray();

    static double[][] TwoSteps(Func<Tensor[], Optimizer> make)
    {
        var p = Tensor.From(Tiled([1.0, -2.0, 0.5]), requiresGrad: true, dtype: DType.Float64);
        var c = Tensor.From(Tiled([0.5, 1.0, -2.0]), dtype: DType.Float64);
        var optimizer = make([p]);
        var steps = new double[2][];
        for (var step = 0; step < 2; step++)
        {
            optimizer.ZeroGrad();
            (c * p.Pow(3)).Sum().Backward();
            optimizer.Step();
            steps[step] = p.ToArray();
        }
        Assert.True(p.IsLeaf && p.RequiresGrad);
        return steps;
    }

    static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length * Copies, actual.Length);
        for (var i = 0; i < actual.Length; i++) Assert.Equal(expected[i % expected.Length], actual[i], 1e-12);
    }

    [Fact]
    public void Sgd_matches_pytorch()
    {
        var steps = TwoSteps(ps => new SGD(ps, lr: 0.1));
        Close([0.85, -3.2, 0.65], steps[0]);
        Close([0.741625, -6.272000000000001, 0.9035000000000001], steps[1]);
    }

    [Fact]
    public void Sgd_with_momentum_and_weight_decay_matches_pytorch()
    {
        var steps = TwoSteps(ps => new SGD(ps, lr: 0.1, momentum: 0.9, weightDecay: 0.01));
        Close([0.849, -3.198, 0.6495], steps[0]);
        Close([0.60413085, -7.3411632, 1.03651065], steps[1]);
    }

    [Fact]
    public void Adam_matches_pytorch()
    {
        var steps = TwoSteps(ps => new Adam(ps, lr: 0.1));
        Close([0.9000000006666666, -2.0999999999166667, 0.5999999993333334], steps[0]);
        Close([0.8010907790711268, -2.2001352220006822, 0.6993380510628737], steps[1]);
    }

    [Fact]
    public void Adam_with_its_options_matches_pytorch()
    {
        var steps = TwoSteps(ps => new Adam(ps, lr: 0.01, beta1: 0.8, beta2: 0.9, eps: 1e-6, weightDecay: 0.1));
        Close([0.9900000062499961, -2.0099999991525426, 0.509999993103453], steps[0]);
        Close([0.9800061808159147, -2.020002812747062, 0.5200097308656177], steps[1]);
    }

    [Fact]
    public void Step_skips_frozen_parameters_and_records_no_graph()
    {
        var model = new Sequential(new NN.Linear(3, 4, seed: 1), new ReLU(), new NN.Linear(4, 2, seed: 2));
        model[0].SetRequiresGrad(false);
        var frozen = model[0].Parameters().Select(p => p.ToArray()).ToList();
        var trained = model[2].Parameters().Select(p => p.ToArray()).ToList();
        var optimizer = new Adam(model.Parameters(), lr: 0.1);

        model.Forward(Tensor.Ones([2, 3])).Sum().Backward();
        optimizer.Step();

        Assert.Equal(frozen, model[0].Parameters().Select(p => p.ToArray()));
        Assert.All(model[2].Parameters().Zip(trained), t => Assert.NotEqual(t.Item2, t.Item1.ToArray()));
        Assert.All(model.Parameters(), p => Assert.True(p.IsLeaf));
        Assert.All(model[2].Parameters(), p => { Assert.True(p.RequiresGrad); Assert.Null(p.GradFn); });
    }

    [Fact]
    public void Float32_parameters_stay_float32()
    {
        var p = Tensor.From([1.0, 2.0], requiresGrad: true);
        var optimizer = new SGD([p], lr: 0.5, momentum: 0.5);
        (p * p).Sum().Backward();
        optimizer.Step();
        Assert.Equal(DType.Float32, p.DType);
        Assert.Equal("tensor([0., 0.], requires_grad=True)", p.ToString());
    }

    [Fact]
    public void Bad_arguments_are_refused_with_pytorchs_words()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        Assert.Equal("Invalid learning rate: -1 (Parameter 'lr')", Assert.Throws<ArgumentException>(() => new SGD([p], lr: -1)).Message);
        Assert.StartsWith("Invalid beta parameter at index 0: 1", Assert.Throws<ArgumentException>(() => new Adam([p], beta1: 1)).Message);
        Assert.StartsWith("optimizer got an empty parameter list", Assert.Throws<ArgumentException>(() => new SGD([], lr: 0.1)).Message);
        Assert.StartsWith("can't optimize a non-leaf Tensor", Assert.Throws<ArgumentException>(() => new SGD([p * 2], lr: 0.1)).Message);
    }
}
