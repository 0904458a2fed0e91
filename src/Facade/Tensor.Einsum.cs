using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    /// <summary>torch.einsum: the Einstein sum y[out] = Σ over the subscripts not in the output of Πₖ operandₖ[subscriptsₖ] ("ij,jk->ik", implicit output, repeated subscripts as diagonals, "..." broadcasting), contracted left to right by bmm.</summary>
    public static Tensor Einsum(string equation, params Tensor[] operands) => Run(Core.Einsum.Apply(equation, Exprs(operands, "einsum")));
}
