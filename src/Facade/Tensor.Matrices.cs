using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    /// <summary>The diagonal x[…, i, …, i + offset, …] of the plane of <paramref name="dim1"/> and <paramref name="dim2"/>, appended as the last dimension (DiagonalBackward0, a view).</summary>
    public Tensor Diagonal(int offset = 0, int dim1 = 0, int dim2 = 1) => Run(Core.Diagonal.Apply(expr, offset, dim1, dim2));

    /// <summary>Σᵢ x[i, i] of a matrix, a 0-dimensional tensor (TraceBackward0).</summary>
    public Tensor Trace() => Run(Core.Trace.Apply(expr));

    /// <summary>The outer product of two vectors, y[i, j] = x[i]·other[j] (MulBackward0, as PyTorch 1.13 records it).</summary>
    public Tensor Outer(Tensor other) => Run(Core.Outer.Apply(expr, other.expr));

    /// <summary>The square matrix with vector <paramref name="v"/> on its diagonal; for a matrix, its diagonal as a vector (DiagBackward0).</summary>
    public static Tensor Diag(Tensor v) => Diag(v, 0);

    /// <summary>The square matrix with vector <paramref name="v"/> on the diagonal at <paramref name="diagonal"/> (&gt; 0 above the main one); for a matrix, that diagonal as a vector (DiagBackward0).</summary>
    public static Tensor Diag(Tensor v, int diagonal) => Run(Core.Diag.Apply(v.expr, diagonal));

    /// <summary>The lower triangle of each matrix in the last two dimensions of <paramref name="t"/>: x[…, i, j] where j − i ≤ <paramref name="diagonal"/>, 0 elsewhere (TrilBackward0).</summary>
    public static Tensor Tril(Tensor t, int diagonal = 0) => Run(Core.Tril.Apply(t.expr, diagonal));

    /// <summary>The upper triangle of each matrix in the last two dimensions of <paramref name="t"/>: x[…, i, j] where j − i ≥ <paramref name="diagonal"/>, 0 elsewhere (TriuBackward0).</summary>
    public static Tensor Triu(Tensor t, int diagonal = 0) => Run(Core.Tril.Triu(t.expr, diagonal));

    /// <summary>The lower triangle of each matrix in the last two dimensions: x[…, i, j] where j − i ≤ <paramref name="diagonal"/>, 0 elsewhere (TrilBackward0).</summary>
    public Tensor Tril(int diagonal = 0) => Tril(this, diagonal);

    /// <summary>The upper triangle of each matrix in the last two dimensions: x[…, i, j] where j − i ≥ <paramref name="diagonal"/>, 0 elsewhere (TriuBackward0).</summary>
    public Tensor Triu(int diagonal = 0) => Triu(this, diagonal);
}
