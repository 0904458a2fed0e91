namespace Nabla.Core;

/// <summary>
/// Y = b + X·Wᵀ for X [n,in], W [out,in] and b broadcastable to [n,out]: PyTorch's addmm(b, X, Wᵀ), as a linear
/// layer computes it, in one GEMM that reads W transposed. Affine: bilinear in (X, W) plus b, so Ẏ = ḃ + Ẋ·Wᵀ + X·Ẇᵀ,
/// one term per input, and b̄ = Ȳ (summed to b's shape), X̄ = Ȳ·W, W̄ = Ȳᵀ·X (one GEMM reading Ȳ transposed).
/// </summary>
public sealed class Linear() : Op<(Expr X, Expr W)>("AddmmBackward0")
{
    static readonly Linear Rule = new();

    /// <summary>b + x·wᵀ; inputs are recorded in PyTorch's addmm order (bias, x, weight).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Expr w, Expr b) =>
        env =>
        {
            if (x.Shape.Rank != 2 || w.Shape.Rank != 2)
                throw new ArgumentException($"linear: expected a 2-D input and a 2-D weight, got shapes {x.Shape} and {w.Shape}");
            if (x.Shape[1] != w.Shape[1])
                throw new ArgumentException(
                    $"linear: mat1 and mat2 shapes cannot be multiplied ({x.Shape[0]}x{x.Shape[1]} and {w.Shape[1]}x{w.Shape[0]})");
            var output = Shape.Of(x.Shape[0], w.Shape[0]);
            if (!Shape.TryBroadcast(b.Shape, output, out var joint, out _) || !joint.Equals(output))
                throw new ArgumentException($"linear: bias of shape {b.Shape} does not broadcast to the output shape {output}");
            var dtype = DTypes.Promote(DTypes.Promote(x.DType, w.DType), b.DType).ToFloating();
            var y = Gemm.Product(Layout.Cast(x.Value, dtype), false, Layout.Cast(w.Value, dtype), true, Layout.Cast(b.Value, dtype));
            return Rule.Record(env, y, (x, w), b, x, w);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Expr X, Expr W) saved, Expr? y, Expr yBar, int input) =>
        input switch
        {
            0 => Reading.Pure(yBar),
            1 => Mm.Apply(yBar, saved.W),
            _ => Mm.Apply(yBar, saved.X, transposeA: true, transposeB: false),
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Expr X, Expr W) saved, Expr? y, Shape shape, Expr?[] xDots) =>
        SumOfTerms(xDots, (i, t) => i switch
        {
            0 => Reading.Pure(t),                                               // ḃ
            1 => Mm.Apply(t, saved.W, transposeA: false, transposeB: true),     // Ẋ·Wᵀ
            _ => Mm.Apply(saved.X, t, transposeA: false, transposeB: true),     // X·Ẇᵀ
        });
}
