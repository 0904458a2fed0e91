using LanguageExt;
using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    internal static Tensor Run(Reader<GradEnv, Expr> op) => new(GradMode.Run(op));

    // The direct path for the operators: an op's forward rule run in the current environment, with no computation
    // (a closure and a delegate) built per call.
    static Tensor Run(Func<GradEnv, Expr, ReaderResult<Expr>> forward, Expr x) => new(GradMode.Run(forward, x));
    static Tensor Run(Func<GradEnv, Expr, Expr, ReaderResult<Expr>> forward, Expr a, Expr b) => new(GradMode.Run(forward, a, b));

    // A Python number next to a tensor takes the tensor's dtype (the default float one next to Int64). Constants are
    // immutable, so the few most recent ones are reused: a loop like y = y * 1.0001 + 0.001 then makes none.
    Expr Number(double value)
    {
        var dtype = Value.DType.IsFloating() ? Value.DType : (Core.DType)DefaultDType;
        var bits = BitConverter.DoubleToInt64Bits(value);
        var cache = numbers ??= new (long, Core.DType, Expr?)[4];
        foreach (var (b, d, e) in cache)
            if (b == bits && d == dtype && e is not null) return e;
        var made = Expr.Scalar(value, dtype);
        cache[nextNumber = (nextNumber + 1) % cache.Length] = (bits, dtype, made);
        return made;
    }

    [ThreadStatic] static (long Bits, Core.DType DType, Expr? Expr)[]? numbers;
    [ThreadStatic] static int nextNumber;

    // Ops defined only for floating values compute Int64 inputs in the default dtype, as PyTorch does.
    Expr AsFloating => Value.DType.IsFloating() ? expr : Expr.Constant(Value.Cast((Core.DType)DefaultDType));

    // Integer results PyTorch computes in Int64 (powers, matrix products) are exact through Float64 below 2⁵³.
    Expr AsFloat64 => Expr.Constant(Value.Cast(Core.DType.Float64));

    static Tensor ExactInt64(Reader<GradEnv, Expr> op) => Plain(GradMode.Run(op).Value.Cast(Core.DType.Int64));

    /// <summary>a + b, broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Run(Add.Forward, a.expr, b.expr);
    /// <summary>a + s.</summary>
    public static Tensor operator +(Tensor a, double s) => Run(Add.Forward, a.expr, a.Number(s));
    /// <summary>s + a.</summary>
    public static Tensor operator +(double s, Tensor a) => Run(Add.Forward, a.Number(s), a.expr);

    /// <summary>a − b, broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Run(Sub.Forward, a.expr, b.expr);
    /// <summary>a − s.</summary>
    public static Tensor operator -(Tensor a, double s) => Run(Sub.Forward, a.expr, a.Number(s));
    /// <summary>s − a.</summary>
    public static Tensor operator -(double s, Tensor a) => Run(Sub.RsubForward, a.Number(s), a.expr);

    /// <summary>a ⊙ b, broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Run(Mul.Forward, a.expr, b.expr);
    /// <summary>a · s.</summary>
    public static Tensor operator *(Tensor a, double s) => Run(Mul.Forward, a.expr, a.Number(s));
    /// <summary>s · a.</summary>
    public static Tensor operator *(double s, Tensor a) => Run(Mul.Forward, a.Number(s), a.expr);

    /// <summary>a ⊘ b, broadcasting; true division (Int64 operands give the default float dtype).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Run(Div.Forward, a.AsFloating, b.AsFloating);
    /// <summary>a / s.</summary>
    public static Tensor operator /(Tensor a, double s) => Run(Div.Forward, a.AsFloating, a.Number(s));
    /// <summary>s / a, computed as PyTorch does: reciprocal(a) · s.</summary>
    public static Tensor operator /(double s, Tensor a)
    {
        var r = GradMode.Run(Reciprocal.Apply(a.AsFloating));
        return Run(Mul.Apply(r, Expr.Scalar(s, r.DType)));
    }

    /// <summary>−a.</summary>
    public static Tensor operator -(Tensor a) => Run(Neg.Forward, a.expr);

    /// <summary>xᵖ elementwise (PowBackward0).</summary>
    public Tensor Pow(double exponent)
    {
        if (DType != DType.Int64 || exponent != Math.Floor(exponent)) return Run(Core.Pow.Apply(AsFloating, exponent));
        // An integral power of an Int64 tensor stays Int64, as torch.tensor([1, 2]) ** 2 does.
        if (exponent < 0) throw new ArgumentException("Integers to negative integer powers are not allowed.", nameof(exponent));
        return ExactInt64(Core.Pow.Apply(AsFloat64, exponent));
    }

    /// <summary>xᵉ elementwise with a tensor exponent, broadcasting (PowBackward1).</summary>
    public Tensor Pow(Tensor exponent) => Run(PowTensor.Apply(AsFloating, exponent.AsFloating));

    /// <summary>eˣ elementwise.</summary>
    public Tensor Exp() => Run(Core.Exp.Forward, AsFloating);

    /// <summary>ln x elementwise.</summary>
    public Tensor Log() => Run(Core.Log.Forward, AsFloating);

    /// <summary>tanh x elementwise.</summary>
    public Tensor Tanh() => Run(Core.Tanh.Forward, AsFloating);

    /// <summary>√x elementwise.</summary>
    public Tensor Sqrt() => Run(Core.Sqrt.Forward, AsFloating);

    /// <summary>|x| elementwise.</summary>
    public Tensor Abs() => Run(Core.Abs.Forward, expr);

    /// <summary>sin x elementwise.</summary>
    public Tensor Sin() => Run(Core.Sin.Forward, AsFloating);

    /// <summary>cos x elementwise.</summary>
    public Tensor Cos() => Run(Core.Cos.Forward, AsFloating);

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ) elementwise.</summary>
    public Tensor Sigmoid() => Run(Core.Sigmoid.Forward, AsFloating);

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
    public Tensor Softmax(int dim) => Run(Core.Softmax.Apply(AsFloating, dim));

    /// <summary>x − log Σ exp(x) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(int dim) => Run(Core.LogSoftmax.Apply(AsFloating, dim));

    /// <summary>
    /// torch.matmul: dot product (DotBackward0), matrix-vector (MvBackward0), matrix product (MmBackward0), or a
    /// batched product with broadcast batch dimensions.
    /// </summary>
    public Tensor MatMul(Tensor other)
    {
        if (DType == DType.Int64 && other.DType == DType.Int64)
        {
            return ExactInt64(Core.MatMul.Apply(AsFloat64, other.AsFloat64));
        }
        return Run(Core.MatMul.Apply(AsFloating, other.AsFloating));
    }

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
    public Tensor Reshape(params int[] shape) => Run(Core.Reshape.Apply(expr, shape));

    /// <summary>This tensor in <paramref name="dtype"/>; differentiable between floating dtypes (ToCopyBackward0). Returns this tensor when it already has that dtype.</summary>
    public Tensor To(DType dtype) => dtype == DType ? this : Run(Cast.Apply(expr, (Core.DType)dtype));
}
