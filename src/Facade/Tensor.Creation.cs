using System.Globalization;
using Nabla.Core;
using Nabla.Core.Numerics;

namespace Nabla;

// The creation vocabulary (issue 13): the global generator, ranges and the *_like factories. None of these is
// differentiable: each returns a leaf, which requires grad only when asked.
public sealed partial class Tensor
{
    /// <summary>
    /// Seeds the global generator that <see cref="Randn(int[], bool, DType?)"/>, <see cref="Rand(int[], bool, DType?)"/>
    /// and their <c>*Like</c> forms draw from, as torch.manual_seed: the same seed gives the same numbers as PyTorch
    /// 1.13's CPU generator (MT19937 with the seed's low 32 bits), except that a Randn of 16 or more Float32 samples is
    /// within a few ulps of PyTorch's (its AVX2 kernel has its own log and sincos).
    /// </summary>
    public static void ManualSeed(long seed) => Generator.Global.Seed(unchecked((ulong)seed));

    /// <summary>Standard normal samples N(0, 1) from the global generator, as torch.randn after torch.manual_seed.</summary>
    public static Tensor Randn(int[] shape, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(Generator.Global.Normal(ShapeOf(shape), NormalDType(dtype)), requiresGrad);

    /// <summary>Uniform samples in [0, 1) from the global generator, as torch.rand after torch.manual_seed.</summary>
    public static Tensor Rand(int[] shape, bool requiresGrad = false, DType? dtype = null) =>
        Leaf(Generator.Global.Uniform(ShapeOf(shape), UniformDType(dtype)), requiresGrad);

    /// <summary>start, start + step, … up to but not including end, as an Int64 vector: ⌈(end − start)/step⌉ values.</summary>
    public static Tensor Arange(long start, long end, long step = 1) =>
        Leaf(Ranges.Arange(start, step, RangeLength(start, end, step)), false);

    /// <summary>start, start + step, … up to but not including end, as an Int64 vector (<c>Arange(3, 0)</c> is this, not a dtype).</summary>
    public static Tensor Arange(int start, int end, int step = 1) => Arange((long)start, end, (long)step);

    /// <summary>
    /// start + k·step for k = 0, 1, … while below end (above it for a negative step): ⌈(end − start)/step⌉ values in
    /// <paramref name="dtype"/> (the default dtype unless given; for Int64 the arguments are truncated to integers first,
    /// as PyTorch does).
    /// </summary>
    public static Tensor Arange(double start, double end, double step, DType? dtype = null)
    {
        var type = dtype ?? DefaultDType;
        if (type == DType.Bool) throw new ArgumentException("\"arange_cpu\" not implemented for 'Bool'", nameof(dtype));
        if (type == DType.Int64) return Arange(ToInt64(start), ToInt64(end), ToInt64(step));
        var length = RangeLength(start, end, step);
        return Leaf(Ranges.Arange(start, step, length, (Core.DType)type), false);
    }

    /// <summary>
    /// <paramref name="steps"/> evenly spaced values from start to end, both included: start + k·(end − start)/(steps − 1),
    /// in <paramref name="dtype"/> (the default dtype unless given; Int64 values are truncated, as PyTorch's).
    /// </summary>
    public static Tensor Linspace(double start, double end, int steps, DType? dtype = null)
    {
        if (steps < 0) throw new ArgumentException($"linspace: number of steps must be non-negative (got {steps})", nameof(steps));
        var type = (Core.DType)(dtype ?? DefaultDType);
        if (type == Core.DType.Bool) throw new ArgumentException("\"linspace_cpu\" not implemented for 'Bool'", nameof(dtype));
        // The endpoints in the result's dtype first, as PyTorch converts its scalars (Int64: truncated, checked).
        if (type == Core.DType.Int64) (start, end) = (ToInt64(start), ToInt64(end));
        else if (type == Core.DType.Float32) (start, end) = (ToFloat32(start), ToFloat32(end));
        return Leaf(steps < 2 ? NdArray.Full(Core.Shape.Of(steps), start, type) : Ranges.Linspace(start, end, steps, type), false);
    }

    /// <summary>Zeros of <paramref name="t"/>'s shape and dtype (or <paramref name="dtype"/>), as torch.zeros_like.</summary>
    public static Tensor ZerosLike(Tensor t, bool requiresGrad = false, DType? dtype = null) => FullLike(t, 0L, requiresGrad, dtype);

    /// <summary>Ones of <paramref name="t"/>'s shape and dtype (or <paramref name="dtype"/>), as torch.ones_like.</summary>
    public static Tensor OnesLike(Tensor t, bool requiresGrad = false, DType? dtype = null) => FullLike(t, 1L, requiresGrad, dtype);

    /// <summary>
    /// <paramref name="value"/> everywhere, in <paramref name="t"/>'s shape and dtype (or <paramref name="dtype"/>), as
    /// torch.full_like: the dtype is t's even for a fractional value, which an Int64 result truncates as PyTorch does
    /// (a value the dtype cannot hold is PyTorch's overflow error).
    /// </summary>
    public static Tensor FullLike(Tensor t, double value, bool requiresGrad = false, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var type = (Core.DType)(dtype ?? t.DType);
        if (type == Core.DType.Int64) return FullLike(t, ToInt64(value), requiresGrad, dtype);
        return Leaf(NdArray.Full(t.Value.Shape, type == Core.DType.Float32 ? ToFloat32(value) : value, type), requiresGrad);
    }

    /// <summary>An integral <paramref name="value"/> everywhere, in <paramref name="t"/>'s shape and dtype: exact for Int64.</summary>
    public static Tensor FullLike(Tensor t, long value, bool requiresGrad = false, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var type = (Core.DType)(dtype ?? t.DType);
        if (type != Core.DType.Int64) return Leaf(NdArray.Full(t.Value.Shape, value, type), requiresGrad);
        var values = new long[t.Numel];
        Array.Fill(values, value);
        return Leaf(NdArray.From(values, t.Value.Shape), requiresGrad);
    }

    /// <summary>Standard normal samples of <paramref name="t"/>'s shape and dtype from the global generator, as torch.randn_like.</summary>
    public static Tensor RandnLike(Tensor t, bool requiresGrad = false, DType? dtype = null) =>
        Randn((t ?? throw new ArgumentNullException(nameof(t))).Shape, requiresGrad, dtype ?? t.DType);

    /// <summary>Uniform samples in [0, 1) of <paramref name="t"/>'s shape and dtype from the global generator, as torch.rand_like.</summary>
    public static Tensor RandLike(Tensor t, bool requiresGrad = false, DType? dtype = null) =>
        Rand((t ?? throw new ArgumentNullException(nameof(t))).Shape, requiresGrad, dtype ?? t.DType);

    // The dtype of normal and uniform samples: floating only, with PyTorch's messages for Int64.
    static Core.DType NormalDType(DType? dtype) => dtype is DType.Int64 or DType.Bool
        ? throw new ArgumentException($"randn: normal samples need a floating dtype, not {dtype} (\"normal_kernel_cpu\" not implemented for '{((Core.DType)dtype).ScalarTypeName()}')", nameof(dtype))
        : Floating(dtype);

    static Core.DType UniformDType(DType? dtype) => dtype is DType.Int64 or DType.Bool
        ? throw new ArgumentException($"rand: uniform samples need a floating dtype, not {dtype} (\"check_uniform_bounds\" not implemented for '{((Core.DType)dtype).ScalarTypeName()}')", nameof(dtype))
        : Floating(dtype);

    // arange's checks in PyTorch's order and words, then its length ⌈(end − start)/step⌉ as a tensor size: in Int64 for
    // Int64 ranges (as PyTorch checks them), in Float64 otherwise.
    static int RangeLength(long start, long end, long step)
    {
        var args = $"(start {start}, end {end}, step {step})";
        if (step == 0) throw new ArgumentException($"arange: step must be nonzero {args}", nameof(step));
        if (!(step > 0 && end >= start || step < 0 && end <= start))
            throw new ArgumentException($"arange: upper bound and larger bound inconsistent with step sign {args}", nameof(step));
        return RangeLength(Math.Ceiling((double)unchecked(end - start) / step), args);
    }

    static int RangeLength(double start, double end, double step)
    {
        var args = $"(start {Show(start)}, end {Show(end)}, step {Show(step)})";
        if (!(step > 0 || step < 0)) throw new ArgumentException($"arange: step must be nonzero {args}", nameof(step));
        if (!double.IsFinite(start) || !double.IsFinite(end))
            throw new ArgumentException($"arange: unsupported range: {Show(start)} -> {Show(end)}", double.IsFinite(start) ? nameof(end) : nameof(start));
        if (!(step > 0 && end >= start || step < 0 && end <= start))
            throw new ArgumentException($"arange: upper bound and larger bound inconsistent with step sign {args}", nameof(step));
        return RangeLength(Math.Ceiling((end - start) / step), args);
    }

    static int RangeLength(double length, string args)
    {
        if (!(length >= 0 && length <= long.MaxValue)) throw new ArgumentException($"arange: invalid size, possible overflow? {args}");
        if (length > Core.Shape.MaxNumel)
            throw new ArgumentException($"arange: {length:R} values {args}, more than a tensor can hold ({Core.Shape.MaxNumel})");
        return (int)length;
    }

    // A double as PyTorch's C++ prints it in these messages: inf, -inf, nan; otherwise the shortest round-trip form.
    static string Show(double value) => double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf" : value.ToString("R", CultureInfo.InvariantCulture);

    // A scalar argument converted to Int64 as PyTorch converts it (truncated), or its overflow error.
    static long ToInt64(double value) => value >= -9223372036854775808.0 && value < 9223372036854775808.0 ? (long)value
        : throw new ArgumentException($"value cannot be converted to type int64_t without overflow (got {Show(value)})", nameof(value));

    // A scalar argument rounded to Float32 as PyTorch converts it: infinities and NaN pass, finite values beyond its range fail.
    static double ToFloat32(double value) => !double.IsFinite(value) || Math.Abs(value) <= float.MaxValue ? (float)value
        : throw new ArgumentException($"value cannot be converted to type float without overflow (got {Show(value)})", nameof(value));
}
