namespace Nabla.Core.Numerics;

/// <summary>Output buffers for kernels.</summary>
internal static class Buffers
{
    /// <summary>
    /// A buffer the caller overwrites completely before anyone reads it, so the runtime need not zero it first
    /// (that pass costs as much as a cheap elementwise op on large tensors).
    /// </summary>
    public static T[] Uninitialized<T>(int length) => GC.AllocateUninitializedArray<T>(length);
}
