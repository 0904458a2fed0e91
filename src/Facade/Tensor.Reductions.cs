using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    /// <summary>(max along <paramref name="dim"/>, its first index as Int64): Values (MaxBackward0) give that index the whole gradient.</summary>
    public (Tensor Values, Tensor Indices) Max(int dim, bool keepDim = false) => Pair(MaxDim.Apply(expr, dim, keepDim));

    /// <summary>(min along <paramref name="dim"/>, its first index as Int64): Values (MinBackward0) give that index the whole gradient.</summary>
    public (Tensor Values, Tensor Indices) Min(int dim, bool keepDim = false) => Pair(MaxDim.Min(expr, dim, keepDim));

    /// <summary>The smallest element (MinBackward1; ties share the gradient evenly).</summary>
    public Tensor Min() => Run(Core.Min.Apply(expr));

    /// <summary>Index of the first minimum along <paramref name="dim"/>, as Int64; never requires grad.</summary>
    public Tensor ArgMin(int dim) => Run(Core.Min.ArgMin(expr, dim));

    /// <summary>Σ over <paramref name="dims"/> (all of them when empty, as PyTorch), each kept as size 1 when <paramref name="keepDim"/> (SumBackward1).</summary>
    public Tensor Sum(int[] dims, bool keepDim = false) => Run(SumDims.Apply(expr, dims, keepDim));

    /// <summary>Mean over <paramref name="dims"/> (all of them when empty, as PyTorch), each kept as size 1 when <paramref name="keepDim"/> (MeanBackward1).</summary>
    public Tensor Mean(int[] dims, bool keepDim = false) => Run(MeanDims.Apply(expr, dims, keepDim));

    /// <summary>∏ of all elements, a 0-dimensional tensor (ProdBackward0; correct gradients with zeros among them).</summary>
    public Tensor Prod() => Run(Core.Prod.Apply(expr));

    /// <summary>∏ over <paramref name="dim"/>, keeping it as size 1 when <paramref name="keepDim"/> (ProdBackward1).</summary>
    public Tensor Prod(int dim, bool keepDim = false) => Run(ProdDim.Apply(expr, dim, keepDim));

    /// <summary>‖x‖ₚ = (Σ|x|ᵖ)^(1/p) of all elements (NormBackward1); p = 0 counts non-zeros, ±∞ is max/min |x|.</summary>
    public Tensor Norm(double p = 2) => Run(Core.Norm.Apply(expr, p));

    /// <summary>‖x‖ₚ over <paramref name="dim"/>, keeping it as size 1 when <paramref name="keepDim"/> (NormBackward1).</summary>
    public Tensor Norm(double p, int dim, bool keepDim = false) => Run(Core.Norm.Apply(expr, p, dim, keepDim));

    /// <summary>Σ(x − mean)² / max(0, n − correction) over <paramref name="dim"/> (all elements when null) (VarBackward0).</summary>
    public Tensor Var(int? dim = null, int correction = 1, bool keepDim = false) => Run(Core.Var.Apply(expr, dim, correction, keepDim));

    /// <summary>√Var: the standard deviation over <paramref name="dim"/> (all elements when null) (StdBackward0).</summary>
    public Tensor Std(int? dim = null, int correction = 1, bool keepDim = false) => Run(Core.Std.Apply(expr, dim, correction, keepDim));

    /// <summary>ln Σ exp(x) over <paramref name="dim"/>, computed stably (LogsumexpBackward0).</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false) => Run(Core.LogSumExp.Apply(expr, dim, keepDim));

    /// <summary>Running sums Σ_{j ≤ k} x_j along <paramref name="dim"/> (CumsumBackward0); Int64 stays Int64.</summary>
    public Tensor Cumsum(int dim) => Run(Core.Cumsum.Apply(expr, dim));

    static (Tensor Values, Tensor Indices) Pair(LanguageExt.Reader<GradEnv, (Expr Values, Expr Indices)> op)
    {
        var (values, indices) = GradMode.Run(op);
        return (new(values), new(indices));
    }
}
