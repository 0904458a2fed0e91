namespace Nabla.Core;

/// <summary>y = A·v for a matrix A [m,k] and a vector v [k]: bilinear, with adjoints Ā = ȳ vᵀ (outer product), v̄ = Aᵀ ȳ.</summary>
public sealed class Mv() : BilinearOp<(Expr A, Expr V)>("MvBackward0")
{
    static readonly Mv Rule = new();

    /// <summary>The matrix-vector product (exact for two Int64 operands, wrapping on overflow).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr a, Expr v) =>
        env =>
        {
            if (a.Shape.Rank != 2 || v.Shape.Rank != 1 || a.Shape[1] != v.Shape[0])
                throw new ArgumentException($"mv: size mismatch, got matrix {a.Shape} and vector {v.Shape}");
            var dtype = DTypes.Promote(a.DType, v.DType);
            var column = v.Value.Cast(dtype).WithShape(Shape.Of(v.Shape[0], 1));
            var y = Gemm.MatMul(a.Value.Cast(dtype), column).WithShape(Shape.Of(a.Shape[0]));
            return Rule.Record(env, y, (a, v), a, v);
        };

    /// <inheritdoc/>
    protected internal override (Expr A, Expr B) Operands((Expr A, Expr V) saved) => (saved.A, saved.V);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Product((Expr A, Expr V) saved, Expr a, Expr b) => Apply(a, b);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Expr A, Expr V) saved, Expr yBar, int input) =>
        input == 0
            ? from col in Reshape.Unsqueeze(yBar, 1)
              from row in Reshape.Unsqueeze(saved.V, 0)
              from r in Mm.Apply(col, row)
              select r
            : from at in Transpose.Apply(saved.A, 0, 1)
              from r in Apply(at, yBar)
              select r;
}
