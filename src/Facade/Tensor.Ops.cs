using LanguageExt;
using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    internal static Tensor Run(Reader<GradEnv, Expr> op) => new(GradMode.Run(op));

    // A Python number next to a tensor takes the tensor's dtype (the default float one next to Int64); an integer
    // next to an Int64 tensor stays Int64, exactly. Constants are immutable, so the few most recent ones are reused: a
    // loop like y = y * 1.0001 + 0.001 then makes none.
    Expr Number(double value)
    {
        var dtype = Value.DType.ToFloating();
        var bits = BitConverter.DoubleToInt64Bits(value);
        return Cached(bits, dtype) ?? Remember(bits, dtype, Expr.Scalar(value, dtype));
    }

    Expr Number(long value) =>
        Value.DType.IsFloating() ? Number((double)value)
        : Cached(value, Core.DType.Int64) ?? Remember(value, Core.DType.Int64, Expr.Constant(NdArray.One(Core.Shape.Scalar, value)));

    static Expr? Cached(long bits, Core.DType dtype)
    {
        foreach (var (b, d, e) in numbers ??= new (long, Core.DType, Expr?)[4])
            if (b == bits && d == dtype && e is not null) return e;
        return null;
    }

    static Expr Remember(long bits, Core.DType dtype, Expr made)
    {
        numbers![nextNumber = (nextNumber + 1) % numbers.Length] = (bits, dtype, made);
        return made;
    }

    [ThreadStatic] static (long Bits, Core.DType DType, Expr? Expr)[]? numbers;
    [ThreadStatic] static int nextNumber;

    /// <summary>a + b, broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Run(Add.Apply(a.expr, b.expr));
    /// <summary>a + s.</summary>
    public static Tensor operator +(Tensor a, double s) => Run(Add.Apply(a.expr, a.Number(s)));
    /// <summary>s + a.</summary>
    public static Tensor operator +(double s, Tensor a) => Run(Add.Apply(a.Number(s), a.expr));
    /// <summary>a + s for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator +(Tensor a, long s) => Run(Add.Apply(a.expr, a.Number(s)));
    /// <summary>s + a for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator +(long s, Tensor a) => Run(Add.Apply(a.Number(s), a.expr));
    /// <summary>a + s for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator +(Tensor a, int s) => a + (long)s;
    /// <summary>s + a for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator +(int s, Tensor a) => (long)s + a;

    /// <summary>a − b, broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Run(Sub.Apply(a.expr, b.expr));
    /// <summary>a − s.</summary>
    public static Tensor operator -(Tensor a, double s) => Run(Sub.Apply(a.expr, a.Number(s)));
    /// <summary>s − a.</summary>
    public static Tensor operator -(double s, Tensor a) => Run(Sub.Rsub(a.Number(s), a.expr));
    /// <summary>a − s for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator -(Tensor a, long s) => Run(Sub.Apply(a.expr, a.Number(s)));
    /// <summary>s − a for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator -(long s, Tensor a) => Run(Sub.Rsub(a.Number(s), a.expr));
    /// <summary>a − s for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator -(Tensor a, int s) => a - (long)s;
    /// <summary>s − a for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator -(int s, Tensor a) => (long)s - a;

    /// <summary>a ⊙ b, broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Run(Mul.Apply(a.expr, b.expr));
    /// <summary>a · s.</summary>
    public static Tensor operator *(Tensor a, double s) => Run(Mul.Apply(a.expr, a.Number(s)));
    /// <summary>s · a.</summary>
    public static Tensor operator *(double s, Tensor a) => Run(Mul.Apply(a.Number(s), a.expr));
    /// <summary>a · s for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator *(Tensor a, long s) => Run(Mul.Apply(a.expr, a.Number(s)));
    /// <summary>s · a for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator *(long s, Tensor a) => Run(Mul.Apply(a.Number(s), a.expr));
    /// <summary>a · s for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator *(Tensor a, int s) => a * (long)s;
    /// <summary>s · a for an integer s: an Int64 tensor stays Int64 (wrapping on overflow), a floating one keeps its dtype.</summary>
    public static Tensor operator *(int s, Tensor a) => (long)s * a;

    /// <summary>a ⊘ b, broadcasting; true division (Int64 operands give the default float dtype).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Run(Div.Apply(a.expr, b.expr));
    /// <summary>a / s.</summary>
    public static Tensor operator /(Tensor a, double s) => Run(Div.Apply(a.expr, a.Number(s)));
    /// <summary>s / a, computed as PyTorch does: reciprocal(a) · s.</summary>
    public static Tensor operator /(double s, Tensor a)
    {
        var r = GradMode.Run(Core.Reciprocal.Apply(a.expr));
        return Run(Mul.Apply(r, Expr.Scalar(s, r.DType)));
    }
    /// <summary>a / s for an integer s; true division, as with a double (an Int64 tensor gives the default float dtype).</summary>
    public static Tensor operator /(Tensor a, long s) => a / (double)s;
    /// <summary>s / a for an integer s; true division, as with a double (an Int64 tensor gives the default float dtype).</summary>
    public static Tensor operator /(long s, Tensor a) => (double)s / a;
    /// <summary>a / s for an integer s; true division, as with a double (an Int64 tensor gives the default float dtype).</summary>
    public static Tensor operator /(Tensor a, int s) => a / (double)s;
    /// <summary>s / a for an integer s; true division, as with a double (an Int64 tensor gives the default float dtype).</summary>
    public static Tensor operator /(int s, Tensor a) => (double)s / a;

    /// <summary>−a.</summary>
    public static Tensor operator -(Tensor a) => Run(Neg.Apply(a.expr));

    /// <summary>
    /// xᵖ elementwise (PowBackward0); a double exponent makes an Int64 tensor floating (the default dtype), as
    /// torch.tensor([1, 2]).pow(2.0) gives tensor([1., 4.]); <see cref="Pow(long)"/> keeps Int64.
    /// </summary>
    public Tensor Pow(double exponent) => Run(Core.Pow.Apply(expr, exponent));

    /// <summary>
    /// xᵖ for an integer p: an Int64 tensor stays Int64, computed exactly in integers (wrapping on overflow, as
    /// torch.tensor([1, 2]) ** 2 does); a floating tensor as <see cref="Pow(double)"/> (PowBackward0).
    /// </summary>
    public Tensor Pow(long exponent)
    {
        if (DType is not (DType.Int64 or DType.Bool)) return Run(Core.Pow.Apply(expr, (double)exponent));
        if (exponent < 0) throw new ArgumentException("Integers to negative integer powers are not allowed.", nameof(exponent));
        return Run(Core.Pow.Apply(expr, exponent));
    }

    /// <summary>
    /// xᵉ elementwise with a tensor exponent, broadcasting (PowBackward1); an Int64 tensor to an Int64 exponent stays
    /// Int64, computed exactly (a negative exponent gives 0 except for bases ±1, as PyTorch's integer pow).
    /// </summary>
    public Tensor Pow(Tensor exponent) => Run(PowTensor.Apply(expr, exponent.expr));

    /// <summary>eˣ elementwise.</summary>
    public Tensor Exp() => Run(Core.Exp.Apply(expr));

    /// <summary>ln x elementwise.</summary>
    public Tensor Log() => Run(Core.Log.Apply(expr));

    /// <summary>tanh x elementwise.</summary>
    public Tensor Tanh() => Run(Core.Tanh.Apply(expr));

    /// <summary>√x elementwise.</summary>
    public Tensor Sqrt() => Run(Core.Sqrt.Apply(expr));

    /// <summary>|x| elementwise.</summary>
    public Tensor Abs() => Run(Core.Abs.Apply(expr));

    /// <summary>sin x elementwise.</summary>
    public Tensor Sin() => Run(Core.Sin.Apply(expr));

    /// <summary>cos x elementwise.</summary>
    public Tensor Cos() => Run(Core.Cos.Apply(expr));

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ) elementwise.</summary>
    public Tensor Sigmoid() => Run(Core.Sigmoid.Apply(expr));

    /// <summary>max(x, 0) elementwise.</summary>
    public Tensor Relu() => Run(Core.Relu.Apply(expr));

    /// <summary>Σ of all elements, a 0-dimensional tensor.</summary>
    public Tensor Sum() => Run(Core.Sum.Apply(expr));

    /// <summary>Σ over <paramref name="dim"/>, keeping it as size 1 when <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Run(SumDim.Apply(expr, dim, keepDim));

    /// <summary>Mean of all elements (floating tensors only).</summary>
    public Tensor Mean() => Run(Core.Mean.Apply(expr));

    /// <summary>Mean over <paramref name="dim"/>, keeping it as size 1 when <paramref name="keepDim"/>.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Run(MeanDim.Apply(expr, dim, keepDim));

    /// <summary>The largest element (MaxBackward1; ties share the gradient evenly).</summary>
    public Tensor Max() => Run(Core.Max.Apply(expr));

    /// <summary>Index of the first maximum along <paramref name="dim"/>, as Int64; never requires grad.</summary>
    public Tensor ArgMax(int dim) => Run(Core.Max.ArgMax(expr, dim));

    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor Softmax(int dim) => Run(Core.Softmax.Apply(expr, dim));

    /// <summary>x − log Σ exp(x) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(int dim) => Run(Core.LogSoftmax.Apply(expr, dim));

    /// <summary>
    /// torch.matmul: dot product (DotBackward0), matrix-vector (MvBackward0), matrix product (MmBackward0), or a
    /// batched product with broadcast batch dimensions; two Int64 operands give an exact Int64 product (wrapping on overflow).
    /// </summary>
    public Tensor MatMul(Tensor other) => Run(Core.MatMul.Apply(expr, other.expr));

    /// <summary>The transpose of a matrix (TBackward0); vectors and scalars unchanged.</summary>
    public Tensor T() => Run(Core.Transpose.T(expr));

    /// <summary>Swaps dimensions <paramref name="dim0"/> and <paramref name="dim1"/> (TransposeBackward0).</summary>
    public Tensor Transpose(int dim0, int dim1) => Run(Core.Transpose.Apply(expr, dim0, dim1));

    /// <summary>This tensor with a size-1 dimension inserted at <paramref name="dim"/>.</summary>
    public Tensor Unsqueeze(int dim) => Run(Core.Reshape.Unsqueeze(expr, dim));

    /// <summary>This tensor without dimension <paramref name="dim"/> if its size is 1 (unchanged otherwise).</summary>
    public Tensor Squeeze(int dim) => Run(Core.Reshape.Squeeze(expr, dim));

    /// <summary>The slice at <paramref name="index"/> along dimension 0 (negative counts from the end).</summary>
    [System.Runtime.CompilerServices.IndexerName("Select")]
    public Tensor this[int index] => Run(Core.Select.Apply(expr, index));

    /// <summary>A new tensor with the same values, connected to this one in the graph (CloneBackward0).</summary>
    public Tensor Clone() => Run(Core.Clone.Apply(expr));

    /// <summary>The same elements with another shape; one size may be −1 (ReshapeAliasBackward0).</summary>
    public Tensor Reshape(params int[] shape) => Run(Core.Reshape.Apply(expr, shape ?? throw new ArgumentNullException(nameof(shape))));

    /// <summary>This tensor in <paramref name="dtype"/>; differentiable between floating dtypes (ToCopyBackward0). Returns this tensor when it already has that dtype.</summary>
    public Tensor To(DType dtype) => dtype == DType ? this : Run(Cast.Apply(expr, (Core.DType)dtype));
}
