namespace Nabla.Core;

/// <summary>y = Σᵢ aᵢbᵢ for two vectors: bilinear, with adjoints ā = ȳ·b, b̄ = ȳ·a.</summary>
public sealed class Dot() : BilinearOp<(Expr A, Expr B)>("DotBackward0")
{
    static readonly Dot Rule = new();

    /// <summary>The inner product of two 1-D tensors of equal length (exact for two Int64 operands, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr b) =>
        env =>
        {
            if (a.Shape.Rank != 1 || b.Shape.Rank != 1)
                throw new ArgumentException($"dot: 1D tensors expected, but got {a.Shape.Rank}D and {b.Shape.Rank}D tensors (shapes {a.Shape} and {b.Shape})");
            if (a.Shape[0] != b.Shape[0])
                throw new ArgumentException($"dot: inconsistent tensor size, shapes {a.Shape} and {b.Shape} have {a.Shape[0]} and {b.Shape[0]} elements");
            var dtype = DTypes.Promote(a.DType, b.DType);
            return Rule.Record(env, Gemm.Dot(a.Value.Cast(dtype), b.Value.Cast(dtype)), (a, b), a, b);
        };

    /// <inheritdoc/>
    protected internal override (Expr A, Expr B) Operands((Expr A, Expr B) saved) => (saved.A, saved.B);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Product((Expr A, Expr B) saved, Expr a, Expr b) => Apply(a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Expr A, Expr B) saved, Expr yBar, int input) =>
        input == 0 ? Mul.Apply(yBar, saved.B) : Mul.Apply(yBar, saved.A);
}
