namespace Nabla.Core.Numerics;

/// <summary>Output buffers for kernels, and scratch buffers that live only within one kernel call.</summary>
internal static class Buffers
{
    /// <summary>
    /// A buffer the caller overwrites completely before anyone reads it, so the runtime need not zero it first
    /// (that pass costs as much as a cheap elementwise op on large tensors).
    /// </summary>
    public static T[] Uninitialized<T>(int length) => GC.AllocateUninitializedArray<T>(length);

    /// <summary>
    /// An uninitialized scratch array of exactly <paramref name="length"/> elements (the managed GEMM wants exact
    /// sizes), taken from a small per-thread cache; hand it back with <see cref="Return{T}"/> once nothing reads it.
    /// </summary>
    public static T[] Rent<T>(int length)
    {
        var slots = Scratch<T>.Slots ??= new T[]?[Scratch<T>.Count];
        for (var i = 0; i < slots.Length; i++)
            if (slots[i] is { } array && array.Length == length)
            {
                slots[i] = null;
                return array;
            }
        return Uninitialized<T>(length);
    }

    /// <summary>
    /// Gives a <see cref="Rent{T}"/> array back: it fills an empty slot, or replaces the next one in turn; arrays
    /// above 1M elements are left to the collector rather than held by the thread.
    /// </summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length > 1 << 20) return;
        var slots = Scratch<T>.Slots ??= new T[]?[Scratch<T>.Count];
        var free = Array.IndexOf(slots, null);
        if (free < 0) free = Scratch<T>.Next = (Scratch<T>.Next + 1) % slots.Length;
        slots[free] = array;
    }

    // Kernels that need scratch of several sizes in turn (a network's layers) keep each size once per thread, so large
    // temporaries are neither reallocated nor, on the large-object heap, a reason for full collections.
    static class Scratch<T>
    {
        public const int Count = 8;
        [ThreadStatic] public static T[]?[]? Slots;
        [ThreadStatic] public static int Next;
    }
}
