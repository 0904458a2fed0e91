namespace Nabla.Core;

/// <summary>Element type of a tensor's buffer.</summary>
public enum DType
{
    /// <summary>32-bit IEEE float (PyTorch's default).</summary>
    Float32,
    /// <summary>64-bit IEEE float.</summary>
    Float64,
    /// <summary>64-bit signed integer; never requires grad.</summary>
    Int64,
    /// <summary>Boolean (one byte per element): results of comparisons, masks; never requires grad.</summary>
    Bool,
}

/// <summary>Type-promotion rules between dtypes.</summary>
public static class DTypes
{
    /// <summary>True for the dtypes that can carry gradients.</summary>
    public static bool IsFloating(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>PyTorch's promotion for two tensor operands: Float64 over Float32 over Int64 over Bool.</summary>
    public static DType Promote(DType a, DType b) =>
        a == DType.Float64 || b == DType.Float64 ? DType.Float64
        : a == DType.Float32 || b == DType.Float32 ? DType.Float32
        : a == DType.Int64 || b == DType.Int64 ? DType.Int64
        : DType.Bool;

    // PyTorch's categories for result_type: bool < integral < floating.
    static int Category(DType dtype) => dtype switch { DType.Bool => 0, DType.Int64 => 1, _ => 2 };

    /// <summary>
    /// PyTorch's result type for two tensor operands: a 0-dimensional operand only decides the dtype when it is of
    /// a higher category (floating over integer over bool) than a dimensioned one; otherwise the dimensioned one's wins, so
    /// <c>ones(3) + tensor(0.5, float64)</c> stays Float32.
    /// </summary>
    public static DType ResultType(NdArray a, NdArray b)
    {
        var (scalarA, scalarB) = (a.Shape.Rank == 0, b.Shape.Rank == 0);
        if (scalarA == scalarB) return Promote(a.DType, b.DType);
        var (dimensioned, scalar) = scalarA ? (b.DType, a.DType) : (a.DType, b.DType);
        return Category(scalar) > Category(dimensioned) ? scalar : dimensioned;
    }

    /// <summary>
    /// The dtype floating tensors get when none is given, and that Int64 inputs of float-only ops compute in
    /// (torch.get_default_dtype / set_default_dtype): Float32 unless set, process-wide as in PyTorch.
    /// </summary>
    public static DType DefaultFloating
    {
        get => defaultFloating;
        set => defaultFloating = value.IsFloating() ? value
            : throw new ArgumentException("only floating-point types are supported as the default type", nameof(value));
    }
    static volatile DType defaultFloating = DType.Float32;

    /// <summary>
    /// The floating dtype an op that only exists for floats computes in: the dtype itself, or
    /// <see cref="DefaultFloating"/> for Int64 and Bool. The one place Int64 and Bool become floating.
    /// </summary>
    public static DType ToFloating(this DType dtype) => dtype.IsFloating() ? dtype : DefaultFloating;

    /// <summary>The dtype arithmetic on integral values runs in: Int64 for Bool (True + 1 is 2), the dtype itself otherwise.</summary>
    public static DType ToArithmetic(this DType dtype) => dtype == DType.Bool ? DType.Int64 : dtype;

    /// <summary>PyTorch's C++ scalar type name, as its errors say it: Float, Double, Long or Bool.</summary>
    public static string ScalarTypeName(this DType dtype) => dtype switch
    {
        DType.Float32 => "Float",
        DType.Float64 => "Double",
        DType.Int64 => "Long",
        _ => "Bool",
    };

    /// <summary>Name as PyTorch prints it after <c>dtype=</c> (without the <c>torch.</c> prefix).</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int64 => "int64",
        _ => "bool",
    };
}
