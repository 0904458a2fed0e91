using static Nabla.Samples.Tour.Repl;

namespace Nabla.Samples.Tour;

/// <summary>Tensors that require grad, Backward and Grad.</summary>
internal static class Backward
{
    /// <summary>Seed 003: f = x² + y² + z² at 2, 3, 4; Backward fills each leaf's Grad.</summary>
    public static void SumOfSquares()
    {
        Section("requires_grad, backward() and .grad: the sum of squares");
        Py("x = torch.tensor(2.0, requires_grad=True)");
        var x = Tensor.Scalar(2.0, requiresGrad: true);
        Py("y = torch.tensor(3.0, requires_grad=True)");
        var y = Tensor.Scalar(3.0, requiresGrad: true);
        Py("z = torch.tensor(4.0, requires_grad=True)");
        var z = Tensor.Scalar(4.0, requiresGrad: true);
        Py("f = x**2+y**2+z**2");
        var f = x.Pow(2) + y.Pow(2) + z.Pow(2);
        Py("f.backward()");
        f.Backward();
        Py("print(x.grad, y.grad, z.grad, f)");
        Print(x.Grad, y.Grad, z.Grad, f);
    }

    /// <summary>Seed 003: a leaf's Grad is None until a backward reaches it.</summary>
    public static void GradIsNoneAtFirst()
    {
        Section(".grad is None until a backward reaches the tensor");
        Py("params = torch.tensor([1.0, 0.0], requires_grad=True)");
        var parameters = Tensor.From([1.0, 0.0], requiresGrad: true);
        Py("print(params.grad)");
        Print(parameters.Grad);
        Py("print(params)");
        Print(parameters);
    }

    /// <summary>Grad accumulates across Backward calls until it is reset to None.</summary>
    public static void Accumulation()
    {
        Section("gradients accumulate across backward calls");
        Py("x = torch.tensor([1., 2., 3.], requires_grad=True)");
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        Py("y = (x * x).sum()");
        var y = (x * x).Sum();
        Py("y.backward(retain_graph=True)");
        y.Backward(retainGraph: true);
        Py("print(x.grad)");
        Print(x.Grad);
        Py("y.backward()");
        y.Backward();
        Py("print(x.grad)");
        Print(x.Grad);
        Py("x.grad = None");
        x.Grad = null;
        Py("(x * 3).sum().backward()");
        (x * 3).Sum().Backward();
        Py("print(x.grad)");
        Print(x.Grad);
    }

    /// <summary>mean(X·W) in Float64: MmBackward0, MeanBackward0 and W's gradient.</summary>
    public static void MatMulMean()
    {
        Section("matmul and mean");
        Py("W = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)");
        var w = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true, dtype: DType.Float64);
        Py("X = torch.tensor([[0.5, -1.], [2., 0.25]], dtype=torch.float64)");
        var x = Tensor.From(new double[,] { { 0.5, -1 }, { 2, 0.25 } }, dtype: DType.Float64);
        Py("Y = X @ W");
        var y = x.MatMul(w);
        Py("print(Y)");
        Print(y);
        Py("loss = Y.mean()");
        var loss = y.Mean();
        Py("print(loss)");
        Print(loss);
        Py("loss.backward()");
        loss.Backward();
        Py("print(W.grad)");
        Print(w.Grad);
    }
}
