namespace Nabla.Examples;

/// <summary>Tests that change <see cref="Tensor.DefaultDType"/>, which is process-wide, run alone.</summary>
[CollectionDefinition(nameof(DefaultDTypeTests), DisableParallelization = true)]
public sealed class DefaultDTypeCollection;

/// <summary>
/// Int64 inputs of float-only ops compute in the default dtype, one rule in the core (DTypes.ToFloating), observed on
/// PyTorch 1.13 with torch.set_default_dtype(torch.float64).
/// </summary>
[Collection(nameof(DefaultDTypeTests))]
public sealed class DefaultDTypeTests
{
    static T WithDefault<T>(DType dtype, Func<T> f)
    {
        var before = Tensor.DefaultDType;
        Tensor.DefaultDType = dtype;
        try { return f(); }
        finally { Tensor.DefaultDType = before; }
    }

    public static TheoryData<string, Func<Tensor, Tensor>> FloatOnly => new()
    {
        { "exp", a => a.Exp() }, { "log", a => a.Log() }, { "tanh", a => a.Tanh() }, { "sqrt", a => a.Sqrt() },
        { "sin", a => a.Sin() }, { "cos", a => a.Cos() }, { "sigmoid", a => a.Sigmoid() }, { "pow(0.5)", a => a.Pow(0.5) },
        { "reciprocal", a => 1.0 / a }, { "a / b", a => a / Tensor.From([2L, 2L]) }, { "a / 2", a => a / 2 }, { "a * 0.5", a => a * 0.5 },
        { "a + 0.5", a => a + 0.5 }, { "0.5 - a", a => 0.5 - a },
    };

    [Theory]
    [MemberData(nameof(FloatOnly))]
    public void Int64_inputs_of_float_only_ops_take_the_default_dtype(string op, Func<Tensor, Tensor> f)
    {
        // torch.set_default_dtype(torch.float64); torch.tensor([1, 2]).exp().dtype -> torch.float64 (and for each op here)
        Assert.Equal(DType.Float64, WithDefault(DType.Float64, () => f(Tensor.From([1L, 2L])).DType));
        Assert.Equal(DType.Float32, WithDefault(DType.Float32, () => f(Tensor.From([1L, 2L])).DType));
        // The values are the float computation's: exp(2) = 7.389056098930650 to Float64's rounding.
        var y = WithDefault(DType.Float64, () => f(Tensor.From([1L, 2L])).ToArray());
        var x = WithDefault(DType.Float64, () => f(Tensor.From([1.0, 2.0], dtype: DType.Float64)).ToArray());
        Assert.True(y.SequenceEqual(x), $"{op}: [{string.Join(", ", y)}] from Int64, [{string.Join(", ", x)}] from Float64");
    }

    [Fact]
    public void The_core_follows_the_same_default()
    {
        // The rule lives in the core, so a core op on an Int64 constant follows the facade's default too.
        var x = Core.Expr.Constant(Core.NdArray.From([1.0, 2.0], Core.Shape.Of(2), Core.DType.Int64));
        var y = WithDefault(DType.Float64, () => Core.Reading.Unwrap(Core.Exp.Apply(x)(Core.GradEnv.Default)));
        Assert.Equal(Core.DType.Float64, y.DType);
        // A vectorized exp is within a few ulps of the correctly rounded e²; Float32 would be 1e-7 off.
        Approx.Relative(Math.Exp(2), y.Value.ToDoubles()[1], 4 * Approx.Eps64);
        Assert.Equal(Core.DType.Float64, WithDefault(DType.Float64, () => Core.DTypes.ToFloating(Core.DType.Int64)));
    }

    [Fact]
    public void A_tensor_exponent_decides_with_an_int64_base()
    {
        // torch.tensor([1, 2]).pow(torch.tensor([0.5, 0.5], dtype=torch.float32)).dtype -> torch.float32, whatever the default
        Assert.Equal(DType.Float32, WithDefault(DType.Float64, () => Tensor.From([1L, 2L]).Pow(Tensor.From([0.5f, 0.5f], [2])).DType));
    }

    [Fact]
    public void The_default_dtype_must_be_floating()
    {
        // torch.set_default_dtype(torch.int64) -> TypeError: only floating-point types are supported as the default type
        var e = Assert.Throws<ArgumentException>(() => Tensor.DefaultDType = DType.Int64);
        Assert.StartsWith("only floating-point types are supported as the default type", e.Message);
        Assert.Equal(DType.Float32, Tensor.DefaultDType);
    }
}

/// <summary>Where PyTorch 1.13 refuses Int64 or mixed dtypes rather than promoting, and its words.</summary>
public sealed class NoPromotionTests
{
    public static TheoryData<string, Func<Tensor>, string> Refused => new()
    {
        // torch.tensor([[1, 2]]) @ torch.ones(2, 1) -> RuntimeError: expected scalar type Long but found Float
        { "long @ float", () => Tensor.From([1L, 2L], [1, 2]).MatMul(Tensor.Ones([2, 1])), "expected scalar type Long but found Float" },
        // torch.ones(2, 2) @ torch.tensor([[1, 2], [3, 4]]) -> RuntimeError: expected scalar type Float but found Long
        { "float @ long", () => Tensor.Ones([2, 2]).MatMul(Tensor.From([1L, 2, 3, 4], [2, 2])), "expected scalar type Float but found Long" },
        // torch.ones(2, 2, dtype=torch.float64) @ torch.ones(2, 2) -> RuntimeError: expected scalar type Double but found Float
        { "double @ float", () => Tensor.Ones([2, 2], dtype: DType.Float64).MatMul(Tensor.Ones([2, 2])), "expected scalar type Double but found Float" },
        // torch.tensor([1, 2]) @ torch.ones(2) -> RuntimeError: dot : expected both vectors to have same dtype, but found Long and Float
        { "dot", () => Tensor.From([1L, 2L]).MatMul(Tensor.Ones([2])), "dot : expected both vectors to have same dtype, but found Long and Float" },
        // torch.tensor([[1, 2], [3, 4]]).softmax(1) -> RuntimeError: "softmax_lastdim_kernel_impl" not implemented for 'Long'
        { "softmax(1)", () => Tensor.From([1L, 2, 3, 4], [2, 2]).Softmax(1), "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'" },
        // .softmax(0) -> RuntimeError: "softmax_kernel_impl" not implemented for 'Long'
        { "softmax(0)", () => Tensor.From([1L, 2, 3, 4], [2, 2]).Softmax(0), "\"softmax_kernel_impl\" not implemented for 'Long'" },
        // .log_softmax(1) -> RuntimeError: "log_softmax_lastdim_kernel_impl" not implemented for 'Long'
        { "log_softmax(1)", () => Tensor.From([1L, 2, 3, 4], [2, 2]).LogSoftmax(1), "\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'" },
        // .log_softmax(0) -> RuntimeError: "softmax_kernel_impl" not implemented for 'Long'
        { "log_softmax(0)", () => Tensor.From([1L, 2, 3, 4], [2, 2]).LogSoftmax(0), "\"softmax_kernel_impl\" not implemented for 'Long'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_as_in_PyTorch(string what, Func<Tensor> f, string message)
    {
        var e = Assert.Throws<ArgumentException>(f);
        Assert.True(e.Message == message, $"{what}: {e.Message}");
    }
}
