namespace Nabla.Core;

/// <summary>Y[i] = A[i]·B[i] for stacks A [batch,m,k] and B [batch,k,n]: bilinear, with adjoints Ā = Ȳ·Bᵀ, B̄ = Aᵀ·Ȳ per matrix.</summary>
public sealed class Bmm() : BilinearOp<(Expr A, Expr B)>("BmmBackward0")
{
    static readonly Bmm Rule = new();

    /// <summary>The batched matrix product of two 3-D tensors with equal batch sizes (exact for two Int64 operands, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env =>
        {
            if (a.Shape.Rank != 3 || b.Shape.Rank != 3 || a.Shape[0] != b.Shape[0] || a.Shape[2] != b.Shape[1])
                throw new ArgumentException($"bmm: shapes {a.Shape} and {b.Shape} cannot be multiplied");
            var dtype = DTypes.Promote(a.DType, b.DType);
            return Rule.Record(env, Gemm.BatchMatMul(a.Value.Cast(dtype), b.Value.Cast(dtype)), (a, b), a, b);
        };

    /// <inheritdoc/>
    protected internal override (Expr A, Expr B) Operands((Expr A, Expr B) saved) => (saved.A, saved.B);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Product((Expr A, Expr B) saved, Expr a, Expr b) => Apply(a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Expr A, Expr B) saved, Expr yBar, int input) =>
        input == 0
            ? from bt in Transpose.Apply(saved.B, 1, 2) from r in Apply(yBar, bt) select r
            : from at in Transpose.Apply(saved.A, 1, 2) from r in Apply(at, yBar) select r;
}
