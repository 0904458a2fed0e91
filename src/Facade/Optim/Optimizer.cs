namespace Nabla.Optim;

/// <summary>
/// Updates parameters from their gradients (torch.optim.Optimizer). <see cref="Step"/> replaces each parameter's values
/// in place of PyTorch's in-place update: no graph is recorded, and a parameter whose <c>Grad</c> is null is skipped.
/// </summary>
public abstract class Optimizer
{
    /// <summary>An optimizer over <paramref name="parameters"/>; each must be a leaf that requires grad.</summary>
    protected Optimizer(IEnumerable<Tensor> parameters)
    {
        Parameters = parameters.ToList();
        if (Parameters.Count == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (!Parameters[i].IsLeaf) throw new ArgumentException("can't optimize a non-leaf Tensor", nameof(parameters));
            if (Parameters[i].DType is DType.Int64 or DType.Bool)
                throw new ArgumentException($"parameter {i} is {Parameters[i].DType}; only floating-point parameters can be optimized", nameof(parameters));
        }
    }

    /// <summary>The parameters being optimized.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        for (var i = 0; i < Parameters.Count; i++)
            if (Parameters[i].Grad is { } grad) Parameters[i].Assign(Update(i, Parameters[i].Value, grad.Value));
    }

    /// <summary>The new values of parameter <paramref name="index"/> from its values and gradient (state may be kept per index).</summary>
    private protected abstract Core.NdArray Update(int index, Core.NdArray value, Core.NdArray grad);

    /// <summary>Clears the parameters' gradients: to null (the default), or to zeros.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters) p.ClearGrad(setToNone);
    }

    private protected static double NonNegative(double value, string what, string name) =>
        value >= 0 ? value : throw new ArgumentException($"Invalid {what}: {value}", name);
}
