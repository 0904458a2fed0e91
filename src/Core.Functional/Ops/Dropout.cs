namespace Nabla.Core;

/// <summary>
/// y = x ⊙ m / (1 − p), each mᵢ kept (1) with probability 1 − p and zeroed otherwise, drawn from a seed so the op
/// is a pure function. ∂y/∂x = m / (1 − p), the same scaled mask.
/// </summary>
public sealed class Dropout() : ElementwiseOp<Expr>("NativeDropoutBackward0")
{
    static readonly Dropout Rule = new();

    /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1 − p); same seed, same mask.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, double p, int seed) =>
        env =>
        {
            if (!(p >= 0 && p <= 1))
                throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}");
            if (!x.DType.IsFloating())
                throw new ArgumentException($"dropout: expected a floating-point input, got {x.DType.Name()}");
            var mask = Expr.Constant(Mask(x.Shape, x.DType, p, seed));
            return Rule.Record(env, Elementwise.Binary(BinaryKernel.Mul, x.Value, mask.Value, "dropout"), mask, x);
        };

    // 1/(1 − p) where the element is kept, 0 where it is dropped (all dropped when p = 1).
    static NdArray Mask(Shape shape, DType dtype, double p, int seed)
    {
        var random = new Random(seed);
        var scale = p < 1 ? 1 / (1 - p) : 0;
        var m = new double[shape.Numel];
        for (var i = 0; i < m.Length; i++) m[i] = random.NextDouble() >= p ? scale : 0;
        return NdArray.From(m, shape, dtype);
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Partial(Expr mask, Expr? y, int input, Expr t) => Mul.Apply(t, mask);
}
