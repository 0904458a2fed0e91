namespace Nabla.Examples;

/// <summary>
/// grad_fn names (SEMANTICS.md "Names") for every op the facade has, with the repr PyTorch 1.13 prints for
/// x = tensor([1., 2.], requires_grad=True), y = tensor([3., 4.], requires_grad=True),
/// m = tensor([[1., 2.], [3., 4.]], requires_grad=True),
/// m4 = m.reshape(1, 1, 2, 2).
/// </summary>
public class GradFnNameTests
{
    static Tensor X() => Tensor.From([1.0, 2.0], requiresGrad: true);
    static Tensor Y() => Tensor.From([3.0, 4.0], requiresGrad: true);
    static Tensor M() => Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true);

    public static TheoryData<string, string, string> Cases() => new()
    {
        // name, expected grad_fn name, expected repr (PyTorch's print)
        { "x + y", "AddBackward0", "tensor([4., 6.], grad_fn=<AddBackward0>)" },
        { "1 + x", "AddBackward0", "tensor([2., 3.], grad_fn=<AddBackward0>)" },
        { "x - y", "SubBackward0", "tensor([-2., -2.], grad_fn=<SubBackward0>)" },
        { "x - 1", "SubBackward0", "tensor([0., 1.], grad_fn=<SubBackward0>)" },
        { "3 * x", "MulBackward0", "tensor([3., 6.], grad_fn=<MulBackward0>)" },
        { "x / y", "DivBackward0", "tensor([0.3333, 0.5000], grad_fn=<DivBackward0>)" },
        { "x / 2", "DivBackward0", "tensor([0.5000, 1.0000], grad_fn=<DivBackward0>)" },
        { "x ** 2", "PowBackward0", "tensor([1., 4.], grad_fn=<PowBackward0>)" },
        { "x ** y", "PowBackward1", "tensor([ 1., 16.], grad_fn=<PowBackward1>)" },
        { "-x", "NegBackward0", "tensor([-1., -2.], grad_fn=<NegBackward0>)" },
        { "x.sum()", "SumBackward0", "tensor(3., grad_fn=<SumBackward0>)" },
        { "m.sum(0)", "SumBackward1", "tensor([4., 6.], grad_fn=<SumBackward1>)" },
        { "m.sum(1, keepdim=True)", "SumBackward1", "tensor([[3.],\n        [7.]], grad_fn=<SumBackward1>)" },
        { "x.mean()", "MeanBackward0", "tensor(1.5000, grad_fn=<MeanBackward0>)" },
        { "m.mean(0)", "MeanBackward1", "tensor([2., 3.], grad_fn=<MeanBackward1>)" },
        { "m.matmul(m)", "MmBackward0", "tensor([[ 7., 10.],\n        [15., 22.]], grad_fn=<MmBackward0>)" },
        { "m.t()", "TBackward0", "tensor([[1., 3.],\n        [2., 4.]], grad_fn=<TBackward0>)" },
        { "m.transpose(0, 1)", "TransposeBackward0", "tensor([[1., 3.],\n        [2., 4.]], grad_fn=<TransposeBackward0>)" },
        { "x.exp()", "ExpBackward0", "tensor([2.7183, 7.3891], grad_fn=<ExpBackward0>)" },
        { "x.log()", "LogBackward0", "tensor([0.0000, 0.6931], grad_fn=<LogBackward0>)" },
        { "x.tanh()", "TanhBackward0", "tensor([0.7616, 0.9640], grad_fn=<TanhBackward0>)" },
        { "x.to(torch.float64)", "ToCopyBackward0", "tensor([1., 2.], dtype=float64, grad_fn=<ToCopyBackward0>)" },
        // Python-number-on-the-left forms: PyTorch records 1 - x as rsub and 2 / x as reciprocal(x) * 2.
        { "1 - x", "RsubBackward1", "tensor([ 0., -1.], grad_fn=<RsubBackward1>)" },
        { "2 / x", "MulBackward0", "tensor([2., 1.], grad_fn=<MulBackward0>)" },
        // torch.nn.functional (Nabla.NN.Functional)
        { "F.linear(m, m, x)", "AddmmBackward0", "tensor([[ 6., 13.],\n        [12., 27.]], grad_fn=<AddmmBackward0>)" },
        { "F.cross_entropy(m, torch.tensor([0, 1]))", "NllLossBackward0", "tensor(0.8133, grad_fn=<NllLossBackward0>)" },
        { "F.nll_loss(m, torch.tensor([0, 1]))", "NllLossBackward0", "tensor(-2.5000, grad_fn=<NllLossBackward0>)" },
        { "F.mse_loss(x, y)", "MseLossBackward0", "tensor(4., grad_fn=<MseLossBackward0>)" },
        { "F.binary_cross_entropy_with_logits(x, y)", "BinaryCrossEntropyWithLogitsBackward0",
          "tensor(-3.7799, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)" },
        { "F.relu(x)", "ReluBackward0", "tensor([1., 2.], grad_fn=<ReluBackward0>)" },
        { "F.conv2d(m4, m4, padding=1)", "ConvolutionBackward0",
          "tensor([[[[ 4., 11.,  6.],\n          [14., 30., 14.],\n          [ 6., 11.,  4.]]]], grad_fn=<ConvolutionBackward0>)" },
        { "F.max_pool2d(m4, 2)", "MaxPool2DWithIndicesBackward0", "tensor([[[[4.]]]], grad_fn=<MaxPool2DWithIndicesBackward0>)" },
    };

    static Tensor Make(string name)
    {
        Tensor x = X(), y = Y(), m = M();
        return name switch
        {
            "x + y" => x + y,
            "1 + x" => 1 + x,
            "x - y" => x - y,
            "x - 1" => x - 1,
            "3 * x" => 3 * x,
            "x / y" => x / y,
            "x / 2" => x / 2,
            "x ** 2" => x.Pow(2),
            "x ** y" => x.Pow(y),
            "-x" => -x,
            "x.sum()" => x.Sum(),
            "m.sum(0)" => m.Sum(0),
            "m.sum(1, keepdim=True)" => m.Sum(1, keepDim: true),
            "x.mean()" => x.Mean(),
            "m.mean(0)" => m.Mean(0),
            "m.matmul(m)" => m.MatMul(m),
            "m.t()" => m.T(),
            "m.transpose(0, 1)" => m.Transpose(0, 1),
            "x.exp()" => x.Exp(),
            "x.log()" => x.Log(),
            "x.tanh()" => x.Tanh(),
            "x.to(torch.float64)" => x.To(DType.Float64),
            "1 - x" => 1 - x,
            "2 / x" => 2 / x,
            "F.linear(m, m, x)" => NN.Functional.Linear(m, m, x),
            "F.cross_entropy(m, torch.tensor([0, 1]))" => NN.Functional.CrossEntropy(m, Tensor.From([0L, 1])),
            "F.nll_loss(m, torch.tensor([0, 1]))" => NN.Functional.NllLoss(m, Tensor.From([0L, 1])),
            "F.mse_loss(x, y)" => NN.Functional.MseLoss(x, y),
            "F.binary_cross_entropy_with_logits(x, y)" => NN.Functional.BinaryCrossEntropyWithLogits(x, y),
            "F.relu(x)" => new NN.ReLU().Forward(x),
            "F.conv2d(m4, m4, padding=1)" => NN.Functional.Conv2d(m.Reshape(1, 1, 2, 2), m.Reshape(1, 1, 2, 2), padding: 1),
            "F.max_pool2d(m4, 2)" => NN.Functional.MaxPool2d(m.Reshape(1, 1, 2, 2), 2),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Op_records_PyTorchs_grad_fn(string op, string gradFn, string repr)
    {
        var t = Make(op);

        Assert.Equal(gradFn, t.GradFn?.Name);
        Assert.Equal($"<{gradFn}>", t.GradFn?.ToString());
        Assert.Equal(repr, t.ToString());
        Assert.True(t.RequiresGrad);
        Assert.False(t.IsLeaf);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Op_under_no_grad_records_nothing(string op, string gradFn, string repr)
    {
        Tensor t;
        using (Autograd.NoGrad()) t = Make(op);

        Assert.Null(t.GradFn);
        Assert.False(t.RequiresGrad);
        Assert.True(t.IsLeaf);
        // the repr loses only its grad_fn suffix
        Assert.Equal(repr.Replace($", grad_fn=<{gradFn}>", "", StringComparison.Ordinal), t.ToString());
    }

    [Fact]
    public void Sum_of_squares_next_functions()
    {
        // f = x**2+y**2+z**2; f.grad_fn.next_functions -> ((<AddBackward0>, 0), (<PowBackward0>, 0))
        var x = Tensor.Scalar(2.0, requiresGrad: true);
        var y = Tensor.Scalar(3.0, requiresGrad: true);
        var z = Tensor.Scalar(4.0, requiresGrad: true);
        var f = x.Pow(2) + y.Pow(2) + z.Pow(2);

        Assert.Equal(new[] { "AddBackward0", "PowBackward0" }, f.GradFn!.NextFunctions);
    }

    [Fact]
    public void Grad_fn_of_a_leaf_is_null()
    {
        // torch.tensor([1.], requires_grad=True).grad_fn -> None
        Assert.Null(Tensor.From([1.0], requiresGrad: true).GradFn);
    }
}
