using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Nabla.Core;
using Nabla.IO;

namespace Nabla.NN;

/// <summary>
/// The file <see cref="Module.Save"/> writes: "NABLA-STATE 1", then per tensor its name, dtype, shape and
/// little-endian row-major values. Saving replaces the file atomically (<see cref="AtomicFile"/>). Loading checks
/// names, shapes and dtypes before changing anything.
/// </summary>
internal static class StateFile
{
    const string Magic = "NABLA-STATE 1";
    // Values are copied as spans of this many elements, so that a span's byte count never overflows an int.
    const int Chunk = 1 << 16;

    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> entries)
    {
        var list = entries.ToList();
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(list.Count);
            foreach (var (name, t) in list)
            {
                writer.Write(name);
                writer.Write((byte)t.DType);
                writer.Write(t.Rank);
                foreach (var d in t.Shape) writer.Write(d);
                var value = t.Value;
                switch (value.DType)
                {
                    case Core.DType.Float32: WriteValues(writer, value.Span<float>()); break;
                    case Core.DType.Float64: WriteValues(writer, value.Span<double>()); break;
                    default: WriteValues(writer, value.Span<long>()); break;
                }
            }
        });
    }

    public static void Load(string path, IReadOnlyList<(string Name, Tensor Tensor)> targets)
    {
        var saved = Read(path);
        var missing = targets.Where(t => !saved.ContainsKey(t.Name)).Select(t => $"\"{t.Name}\"").ToList();
        var unexpected = saved.Keys.Where(k => targets.All(t => t.Name != k)).Select(k => $"\"{k}\"").ToList();
        var errors = new List<string>();
        if (missing.Count > 0) errors.Add($"Missing key(s) in state_dict: {string.Join(", ", missing)}.");
        if (unexpected.Count > 0) errors.Add($"Unexpected key(s) in state_dict: {string.Join(", ", unexpected)}.");
        foreach (var (name, t) in targets)
            if (saved.TryGetValue(name, out var v) && !v.Shape.Equals(t.Value.Shape))
                errors.Add($"size mismatch for {name}: copying a param with shape {v.Shape} from checkpoint, the shape in current model is {t.Value.Shape}.");
        if (errors.Count > 0)
            throw new InvalidOperationException($"Error(s) in loading state_dict from {path}:\n\t{string.Join("\n\t", errors)}");
        foreach (var (name, t) in targets) t.Assign(saved[name].Cast(t.Value.DType));
    }

    static Dictionary<string, NdArray> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{path} is not a Nabla state file");
            var result = new Dictionary<string, NdArray>();
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var dtype = (Core.DType)reader.ReadByte();
                var dims = new int[reader.ReadInt32()];
                for (var d = 0; d < dims.Length; d++) dims[d] = reader.ReadInt32();
                var shape = Shape.Of(dims);
                result[name] = dtype switch
                {
                    Core.DType.Float32 => NdArray.From(Values(shape.Numel, reader.ReadSingle), shape),
                    Core.DType.Float64 => NdArray.From(Values(shape.Numel, reader.ReadDouble), shape, Core.DType.Float64),
                    Core.DType.Int64 => NdArray.From(Values(shape.Numel, reader.ReadInt64), shape),
                    _ => throw new InvalidDataException($"{path}: unknown dtype code {(int)dtype} for {name}"),
                };
            }
            return result;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} ends early: the state file is truncated", e);
        }
    }

    static T[] Values<T>(int n, Func<T> read)
    {
        var values = new T[n];
        for (var i = 0; i < n; i++) values[i] = read();
        return values;
    }

    static void WriteValues<T>(BinaryWriter writer, ReadOnlySpan<T> values) where T : unmanaged
    {
        var buffer = BitConverter.IsLittleEndian ? null : new T[Math.Min(Chunk, values.Length)];
        for (var start = 0; start < values.Length; start += Chunk)
        {
            var chunk = values.Slice(start, Math.Min(Chunk, values.Length - start));
            if (buffer is not null)
            {
                chunk.CopyTo(buffer);
                Swap(buffer.AsSpan(0, chunk.Length));
                chunk = buffer.AsSpan(0, chunk.Length);
            }
            writer.Write(MemoryMarshal.AsBytes(chunk));
        }
    }

    static void Swap<T>(Span<T> values) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == sizeof(int)) { var v = MemoryMarshal.Cast<T, int>(values); BinaryPrimitives.ReverseEndianness(v, v); }
        else if (Unsafe.SizeOf<T>() == sizeof(long)) { var v = MemoryMarshal.Cast<T, long>(values); BinaryPrimitives.ReverseEndianness(v, v); }
    }
}
