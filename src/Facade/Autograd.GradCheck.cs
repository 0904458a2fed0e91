namespace Nabla;

public static partial class Autograd
{
    /// <summary>
    /// Checks the gradients of <paramref name="f"/> with respect to its inputs that require grad against central finite
    /// differences, as torch.autograd.gradcheck: for each such input the analytical Jacobian (one backward per output
    /// element) must match (f(x + eps·eⱼ) − f(x − eps·eⱼ)) / 2eps within atol + rtol·|numerical|, and a zero grad_output
    /// must give zero gradients (a backward "multiplied by grad_output", linear in it). Returns true, or throws
    /// <see cref="GradCheckException"/> with both Jacobians. Use Float64 inputs: Float32 cannot resolve eps = 1e-6.
    /// A function whose output changes shape or dtype when an input is perturbed cannot be checked: ArgumentException.
    /// </summary>
    public static bool GradCheck(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3) =>
        Check(xs => [f(xs)], inputs, eps, atol, rtol, null);

    /// <summary>
    /// Checks second derivatives, as torch.autograd.gradgradcheck: <see cref="GradCheck"/> applied to the function
    /// (inputs, v) ↦ vᵀ·∂f/∂inputs computed with createGraph, v a fixed random cotangent that is itself checked as an input.
    /// </summary>
    public static bool GradGradCheck(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3)
    {
        var differentiable = Differentiable(inputs, "gradgradcheck");
        Tensor y;
        using (EnableGrad()) y = f(inputs);
        var v = Tensor.Randn(y.Shape, seed: 0, requiresGrad: true, dtype: y.DType);
        Tensor[] Gradients(Tensor[] xs)
        {
            var output = f(xs[..inputs.Length]);
            var grads = Grad([output], differentiable.Select(i => xs[i]).ToArray(), [xs[^1]], createGraph: true, allowUnused: true);
            return grads.Select((g, k) => g ?? Tensor.Zeros(xs[differentiable[k]].Shape, dtype: xs[differentiable[k]].DType)).ToArray();
        }
        return Check(Gradients, [.. inputs, v], eps, atol, rtol, " of the gradient (gradgradcheck)");
    }

    static int[] Differentiable(Tensor[] inputs, string name)
    {
        var indices = Enumerable.Range(0, inputs.Length).Where(i => inputs[i].RequiresGrad).ToArray();
        if (indices.Length == 0)
            throw new ArgumentException($"{name} expects at least one input tensor to require gradient, but none of the them have requires_grad=True.");
        return indices;
    }

    static bool Check(Func<Tensor[], Tensor[]> f, Tensor[] inputs, double eps, double atol, double rtol, string? what)
    {
        var differentiable = Differentiable(inputs, what is null ? "gradcheck" : "gradgradcheck");
        Tensor[] outputs;
        using (EnableGrad()) outputs = f(inputs);
        for (var o = 0; o < outputs.Length; o++)
        {
            var output = outputs[o];
            var m = output.Numel;
            // analytical[i][j, r] = ∂output[r]/∂input_i[j], one backward per output element.
            var analytical = differentiable.Select(i => new double[inputs[i].Numel * m]).ToArray();
            for (var r = 0; r < m && output.RequiresGrad; r++)
            {
                var seed = new double[m];
                seed[r] = 1;
                var grads = Grad([output], differentiable.Select(i => inputs[i]).ToArray(),
                                 [Tensor.From(seed, output.Shape, dtype: output.DType)], retainGraph: true, allowUnused: true);
                for (var k = 0; k < differentiable.Length; k++)
                    if (grads[k] is { } g)
                    {
                        var values = g.ToArray();
                        for (var j = 0; j < values.Length; j++) analytical[k][j * m + r] = values[j];
                    }
            }
            for (var k = 0; k < differentiable.Length; k++)
            {
                var i = differentiable[k];
                var numerical = Numerical(f, inputs, output, i, o, eps);
                Compare(o, i, numerical, analytical[k], inputs[i].Numel, m, atol, rtol, what);
            }
        }
        MultipliedByGradOutput(outputs, inputs, differentiable, what);
        return true;
    }

    // PyTorch's _test_backward_mul_by_grad_output: a VJP is linear in the cotangent, so zero cotangents give zero
    // gradients. A rule that ignores grad_output passes the one-hot rows above and fails here.
    static void MultipliedByGradOutput(Tensor[] outputs, Tensor[] inputs, int[] differentiable, string? what)
    {
        var used = outputs.Where(o => o.RequiresGrad).ToArray();
        if (used.Length == 0) return;
        var grads = Grad(used, differentiable.Select(i => inputs[i]).ToArray(),
                         used.Select(o => (Tensor?)Tensor.Zeros(o.Shape, dtype: o.DType)).ToArray(), retainGraph: true, allowUnused: true);
        for (var k = 0; k < differentiable.Length; k++)
        {
            if (grads[k] is not { } g) continue;
            var values = g.ToArray();
            var nonzero = Array.FindIndex(values, v => v != 0);
            if (nonzero < 0) continue;
            var i = differentiable[k];
            Tensor Column(double[] v) => Tensor.From(v, [v.Length, 1], dtype: DType.Float64);
            throw new GradCheckException(i, Column(new double[values.Length]), Column(values), nonzero,
                $"backward not multiplied by grad_output{what}: with zero grad_outputs the gradient with respect to input {i} " +
                $"is {values[nonzero]:G6} at element {nonzero}, where it must be 0");
        }
    }

    // Central differences of output o with respect to every element of input i. The shifted inputs keep their
    // requires-grad flags and grad stays on, since the checked function may itself differentiate (gradgradcheck).
    static double[] Numerical(Func<Tensor[], Tensor[]> f, Tensor[] inputs, Tensor expected, int i, int o, double eps)
    {
        var x = inputs[i];
        var values = x.ToArray();
        double[] At(int j, double delta)
        {
            var shifted = (double[])values.Clone();
            shifted[j] += delta;
            var args = (Tensor[])inputs.Clone();
            args[i] = Tensor.From(shifted, x.Shape, requiresGrad: x.RequiresGrad, dtype: x.DType);
            Tensor output;
            using (EnableGrad()) output = f(args)[o];
            if (!output.Value.Shape.Equals(expected.Value.Shape) || output.DType != expected.DType)
                throw new ArgumentException(
                    $"gradcheck: output {o} of the checked function is {expected.DType} of shape {expected.Value.Shape} at the " +
                    $"inputs but {output.DType} of shape {output.Value.Shape} when element {j} of input {i} is moved by {delta:G3}; " +
                    "finite differences need outputs of the same shape and dtype near the inputs", "f");
            return output.ToArray();
        }
        double[]? result = null;
        for (var j = 0; j < values.Length; j++)
        {
            var (plus, minus) = (At(j, eps), At(j, -eps));
            result ??= new double[values.Length * plus.Length];
            for (var r = 0; r < plus.Length; r++) result[j * plus.Length + r] = (plus[r] - minus[r]) / (2 * eps);
        }
        return result ?? [];
    }

    static void Compare(int output, int input, double[] numerical, double[] analytical, int n, int m, double atol, double rtol, string? what)
    {
        int worst = -1;
        var excess = 0.0;
        for (var e = 0; e < numerical.Length; e++)
        {
            var over = Math.Abs(analytical[e] - numerical[e]) - (atol + rtol * Math.Abs(numerical[e]));
            if (over > excess || double.IsNaN(over) && worst < 0) (worst, excess) = (e, double.IsNaN(over) ? double.PositiveInfinity : over);
        }
        if (worst < 0) return;
        Tensor Matrix(double[] v) => Tensor.From(v, [n, m], dtype: DType.Float64);
        throw new GradCheckException(output, input, Matrix(numerical), Matrix(analytical), worst / m, worst % m, what);
    }
}
