namespace Nabla;

/// <summary>Element type of a tensor.</summary>
public enum DType
{
    /// <summary>32-bit float, <c>torch.float32</c> (the default).</summary>
    Float32 = Core.DType.Float32,
    /// <summary>64-bit float, <c>torch.float64</c>.</summary>
    Float64 = Core.DType.Float64,
    /// <summary>64-bit integer, <c>torch.int64</c>; never requires grad.</summary>
    Int64 = Core.DType.Int64,
    /// <summary>Boolean, <c>torch.bool</c>: results of comparisons, masks; never requires grad.</summary>
    Bool = Core.DType.Bool,
}
