using Nabla.NN;

namespace Nabla.Examples;

/// <summary>
/// SEMANTICS.md's frozen-model rows and the seeds' "freeze part of a model, count trainable parameters" story, with
/// PyTorch 1.13's output (bench/torch/nn_reference.py) beside each assertion.
/// </summary>
public class ModuleTests
{
    [Fact]
    public void Linear_with_a_frozen_weight_trains_only_its_bias()
    {
        // lin = nn.Linear(3, 2); lin.weight.requires_grad = False; y = lin(torch.ones(1, 3))
        var lin = new NN.Linear(3, 2, seed: 0);
        lin.Weight.RequiresGrad = false;
        var y = lin.Forward(Tensor.Ones([1, 3]));

        // y.grad_fn.name(), next_functions -> AddmmBackward0 ['torch::autograd::AccumulateGrad', None, None]
        Assert.Equal("AddmmBackward0", y.GradFn?.Name);
        Assert.Equal(new[] { "AccumulateGrad", null, null }, y.GradFn!.NextFunctions);

        // y.sum().backward(); lin.weight.grad, lin.bias.grad -> None tensor([1., 1.])
        y.Sum().Backward();
        Assert.Null(lin.Weight.Grad);
        Assert.Equal("tensor([1., 1.])", lin.Bias!.Grad?.ToString());

        // sum(p.numel() for p in lin.parameters() if p.requires_grad), of all -> 2 of 8
        Assert.Equal(2, lin.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel));
        Assert.Equal(8, lin.Parameters().Sum(p => p.Numel));
    }

    [Fact]
    public void Sequential_with_its_first_layer_frozen()
    {
        // model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
        // for p in model[0].parameters(): p.requires_grad = False
        var model = new Sequential(new NN.Linear(4, 3, seed: 1), new ReLU(), new NN.Linear(3, 2, seed: 2));
        foreach (var p in model[0].Parameters()) p.RequiresGrad = false;

        // [n for n, _ in model.named_parameters()] -> ['0.weight', '0.bias', '2.weight', '2.bias']
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, model.NamedParameters().Select(p => p.Name));
        // total, trainable -> 23 8
        Assert.Equal(23, model.Parameters().Sum(p => p.Numel));
        Assert.Equal(8, model.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel));

        // The frozen layer records nothing and saves no buffers: h.requires_grad, h.grad_fn -> False None
        var h = model[0].Forward(Tensor.Ones([5, 4]));
        Assert.False(h.RequiresGrad);
        Assert.Null(h.GradFn);

        // out = model(torch.ones(5, 4)); out.grad_fn.name() -> AddmmBackward0
        var output = model.Forward(Tensor.Ones([5, 4]));
        Assert.Equal("AddmmBackward0", output.GradFn?.Name);
        output.Sum().Backward();
        Assert.All(model[0].Parameters(), p => Assert.Null(p.Grad));
        Assert.All(model[2].Parameters(), p => Assert.NotNull(p.Grad));
    }

    [Fact]
    public void A_fully_frozen_model_gives_an_output_that_cannot_backward()
    {
        // model.requires_grad_(False); out = model(torch.ones(5, 4)); out.requires_grad, out.grad_fn -> False None
        var model = new Sequential(new NN.Linear(4, 3, seed: 1), new ReLU(), new NN.Linear(3, 2, seed: 2));
        Assert.Same(model, model.SetRequiresGrad(false));
        var output = model.Forward(Tensor.Ones([5, 4]));
        Assert.False(output.RequiresGrad);
        Assert.Null(output.GradFn);
        Assert.Equal(0, model.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel));

        // out.sum().backward() -> RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
        var e = Assert.Throws<InvalidOperationException>(() => output.Sum().Backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", e.Message);

        // Unfreezing brings the graph back.
        model.SetRequiresGrad(true);
        Assert.Equal(23, model.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel));
        Assert.Equal("AddmmBackward0", model.Forward(Tensor.Ones([5, 4])).GradFn?.Name);
    }

    [Fact]
    public void Parameters_made_under_no_grad_still_require_grad()
    {
        // with torch.no_grad(): l = nn.Linear(2, 2); l.weight.requires_grad, l.weight.is_leaf -> True True
        NN.Linear lin;
        using (Autograd.NoGrad()) lin = new NN.Linear(2, 2);
        Assert.True(lin.Weight.RequiresGrad);
        Assert.True(lin.Weight.IsLeaf);
        Assert.All(lin.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void Reprs_match_pytorch()
    {
        var model = new Sequential(new NN.Linear(4, 3), new ReLU(), new NN.Linear(3, 2));
        Assert.Equal("""
            Sequential(
              (0): Linear(in_features=4, out_features=3, bias=True)
              (1): ReLU()
              (2): Linear(in_features=3, out_features=2, bias=True)
            )
            """.ReplaceLineEndings("\n"), model.ToString());
        Assert.Equal("Dropout(p=0.25, inplace=False)", new NN.Dropout(0.25).ToString());
        Assert.Equal("Flatten(start_dim=1, end_dim=-1)", new Flatten().ToString());
        Assert.Equal("Tanh()", new NN.Tanh().ToString());
        Assert.Equal("Linear(in_features=2, out_features=3, bias=False)", new NN.Linear(2, 3, bias: false).ToString());
        // nn.Conv2d(1, 16, 3, padding=1), nn.Conv2d(2, 4, 3, stride=2, bias=False), nn.MaxPool2d(2)
        Assert.Equal("Conv2d(1, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))", new Conv2d(1, 16, 3, padding: 1).ToString());
        Assert.Equal("Conv2d(2, 4, kernel_size=(3, 3), stride=(2, 2), bias=False)", new Conv2d(2, 4, 3, stride: 2, bias: false).ToString());
        Assert.Equal("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", new MaxPool2d(2).ToString());
        Assert.Equal("""
            Sequential(
              (0): Sequential(
                (0): Linear(in_features=1, out_features=1, bias=True)
              )
            )
            """.ReplaceLineEndings("\n"), new Sequential(new Sequential(new NN.Linear(1, 1))).ToString());
    }

    [Fact]
    public void Nested_names_are_dotted_paths()
    {
        // [n for n, _ in nn.Sequential(nn.Sequential(nn.Linear(1, 1)), nn.Linear(1, 1)).named_parameters()]
        // -> ['0.0.weight', '0.0.bias', '1.weight', '1.bias']
        var model = new Sequential(new Sequential(new NN.Linear(1, 1)), new NN.Linear(1, 1));
        Assert.Equal(new[] { "0.0.weight", "0.0.bias", "1.weight", "1.bias" }, model.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "0", "1" }, model.NamedChildren().Select(c => c.Name));
        Assert.Empty(model.Parameters(recurse: false));
        Assert.Same(model[1], model[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => model[2]);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_in_pytorchs_default_range()
    {
        var a = new NN.Linear(16, 4, seed: 7);
        var b = new NN.Linear(16, 4, seed: 7);
        var c = new NN.Linear(16, 4, seed: 8);
        Assert.Equal(a.Weight.ToArray(), b.Weight.ToArray());
        Assert.Equal(a.Bias!.ToArray(), b.Bias!.ToArray());
        Assert.NotEqual(a.Weight.ToArray(), c.Weight.ToArray());
        // U(−1/√in, 1/√in) = U(−0.25, 0.25) for 16 inputs, for weight and bias alike (PyTorch's reset_parameters).
        Assert.All(a.Weight.ToArray().Concat(a.Bias.ToArray()), w => Assert.InRange(w, -0.25, 0.25));
        Assert.True(a.Weight.ToArray().Max() > 0.2 && a.Weight.ToArray().Min() < -0.2);
        Assert.Equal(DType.Float32, a.Weight.DType);
        Assert.Equal(DType.Float64, new NN.Linear(2, 2, dtype: DType.Float64).Weight.DType);
    }

    [Fact]
    public void Linear_computes_x_times_weight_transposed_plus_bias_for_any_rank()
    {
        var lin = new NN.Linear(3, 2, seed: 3, dtype: DType.Float64);
        var w = lin.Weight.ToArray();
        var b = lin.Bias!.ToArray();
        double Expected(double[] x, int o) => x[0] * w[o * 3] + x[1] * w[o * 3 + 1] + x[2] * w[o * 3 + 2] + b[o];
        // A GEMM adds the three products and the bias in its own order: within the bound of a four-term sum.
        double Bound(double[] x, int o) => 2 * Approx.SumBound([x[0] * w[o * 3], x[1] * w[o * 3 + 1], x[2] * w[o * 3 + 2], b[o]]);

        var x2 = Tensor.From(new double[,] { { 1, 2, 3 }, { -1, 0.5, 2 } }, dtype: DType.Float64);
        var y2 = lin.Forward(x2).ToArray();
        Approx.Within(Expected([1, 2, 3], 1), y2[1], Bound([1, 2, 3], 1));
        Approx.Within(Expected([-1, 0.5, 2], 0), y2[2], Bound([-1, 0.5, 2], 0));

        // nn.functional.linear(torch.ones(3), torch.ones(2, 3), torch.ones(2)) -> tensor([4., 4.])
        var y1 = Functional.Linear(Tensor.Ones([3]), Tensor.Ones([2, 3]), Tensor.Ones([2]));
        Assert.Equal("tensor([4., 4.])", y1.ToString());
        var y3 = lin.Forward(Tensor.Ones([2, 2, 3], dtype: DType.Float64));
        Assert.Equal(new[] { 2, 2, 2 }, y3.Shape);
        Approx.Within(Expected([1, 1, 1], 1), y3.ToArray()[3], Bound([1, 1, 1], 1));

        var e = Assert.Throws<ArgumentException>(() => lin.Forward(Tensor.Ones([4, 5], dtype: DType.Float64)));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (4x5 and 3x2)", e.Message);
    }

    [Fact]
    public void Train_and_eval_set_the_flag_below_and_dropout_follows_it()
    {
        var dropout = new NN.Dropout(0.5, seed: 1);
        var model = new Sequential(new NN.Linear(4, 4), new Sequential(dropout));
        Assert.True(model.Training && dropout.Training);
        var x = Tensor.Ones([1000]);

        // Training: about half zeroed, the rest scaled by 1/(1 − p) = 2.
        var y = dropout.Forward(x).ToArray();
        Assert.All(y, v => Assert.True(v == 0 || v == 2));
        Assert.InRange(y.Count(v => v == 0), 400, 600);

        // d.eval(); d(x) is x -> True
        Assert.Same(model, model.Eval());
        Assert.False(dropout.Training);
        Assert.Same(x, dropout.Forward(x));
        model.Train();
        Assert.True(dropout.Training);

        var e = Assert.Throws<ArgumentException>(() => new NN.Dropout(1.5));
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got 1.5", e.Message);
    }

    [Fact]
    public void Dropout_gradient_uses_the_same_mask()
    {
        var x = Tensor.Ones([200], requiresGrad: true);
        var y = Functional.Dropout(x, 0.25, training: true, seed: 4);
        Assert.Equal("NativeDropoutBackward0", y.GradFn?.Name);
        y.Sum().Backward();
        Assert.Equal(y.ToArray(), x.Grad!.ToArray());
        Assert.Equal(y.ToArray(), Functional.Dropout(x, 0.25, training: true, seed: 4).ToArray());
    }

    [Fact]
    public void Conv2d_has_pytorchs_parameter_shapes_and_init_range()
    {
        var conv = new Conv2d(2, 4, kernelSize: 3, seed: 1);
        Assert.Equal(new[] { "weight", "bias" }, conv.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { 4, 2, 3, 3 }, conv.Weight.Shape);
        Assert.Equal(new[] { 4 }, conv.Bias!.Shape);
        // U(−1/√(C·k²), 1/√(C·k²)) = U(−1/√18, 1/√18), as PyTorch's reset_parameters.
        Assert.All(conv.Weight.ToArray().Concat(conv.Bias.ToArray()), w => Assert.InRange(w, -1 / Math.Sqrt(18), 1 / Math.Sqrt(18)));
        Assert.Equal(new[] { 5, 4, 3, 2 }, conv.Forward(Tensor.Ones([5, 2, 5, 4])).Shape);
        Assert.Equal(new[] { 5, 4, 1, 1 }, new MaxPool2d(3, stride: 2).Forward(Tensor.Ones([5, 4, 3, 4])).Shape);
        conv.SetRequiresGrad(false);
        Assert.Null(conv.Forward(Tensor.Ones([1, 2, 3, 3])).GradFn);
    }

    [Fact]
    public void ZeroGrad_clears_to_null_or_to_zeros()
    {
        var lin = new NN.Linear(2, 1, seed: 5);
        lin.Forward(Tensor.Ones([1, 2])).Sum().Backward();
        Assert.Equal("tensor([1.])", lin.Bias!.Grad?.ToString());
        lin.ZeroGrad(setToNone: false);
        Assert.Equal("tensor([0.])", lin.Bias.Grad?.ToString());
        lin.ZeroGrad();
        Assert.All(lin.Parameters(), p => Assert.Null(p.Grad));
    }
}
