using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Nabla.Core;
using Nabla.IO;

namespace Nabla.NN;

/// <summary>
/// The file <see cref="Module.Save"/> writes, in BinaryWriter's layout (strings carry a 7-bit-encoded byte length,
/// numbers are little-endian): "NABLA-STATE 1", the entry count, then per tensor its name, dtype code, rank, dims and
/// row-major values. Saving replaces the file atomically (<see cref="AtomicFile"/>). Loading checks every size against
/// the bytes left before allocating, then names, shapes and dtypes before changing anything.
/// </summary>
internal static class StateFile
{
    const string Magic = "NABLA-STATE 1";
    static readonly byte[] Header = [(byte)Magic.Length, .. Encoding.ASCII.GetBytes(Magic)];
    // A name's length (1 byte or more), the dtype (1), the rank (4), then a dim (4) or a scalar's value (1, 4 or 8).
    const int SmallestEntry = 7;
    // Values are copied as spans of this many elements, so that a span's byte count never overflows an int.
    const int Chunk = 1 << 16;
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
                    case Core.DType.Int64: WriteValues(writer, value.Span<long>()); break;
                    default: WriteValues(writer, MemoryMarshal.AsBytes(value.Span<bool>())); break;   // Bool: one byte, 0 or 1
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
        // FileShare.Delete: a Save elsewhere may rename its new file over this one meanwhile (Windows refuses it otherwise).
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
        var file = new Reader(stream, path);
        try
        {
            return Entries(file);
        }
        catch (EndOfStreamException e)
        {
            throw file.Malformed("the file became shorter while it was read", e);
        }
    }

    static Dictionary<string, NdArray> Entries(Reader file)
    {
        if (file.Remaining == 0) throw file.Malformed("the file is empty, not a Nabla state file");
        var start = Values<byte>(file, (int)Math.Min(file.Remaining, Header.Length), "the header");
        if (!start.AsSpan().SequenceEqual(Header.AsSpan(0, start.Length)))
            throw file.Malformed($"not a Nabla state file: it starts with {BitConverter.ToString(start)}, not \"{Magic}\"");
        if (start.Length < Header.Length)
            throw file.Malformed($"the file ends after {start.Length} bytes, inside the header \"{Magic}\": it is truncated");

        var count = file.Int32("the entry count");
        if (count < 0) throw file.Malformed($"the entry count is {count:N0}, negative");
        if (count > file.Remaining / SmallestEntry)
            throw file.Malformed($"the file claims {count:N0} entries but only {file.Remaining:N0} bytes remain (an entry takes {SmallestEntry} or more)");
        var result = new Dictionary<string, NdArray>();
        for (var i = 0; i < count; i++)
        {
            var name = file.String($"entry {i}'s name");
            var entry = $"entry {i} (\"{name}\")";
            if (result.ContainsKey(name)) throw file.Malformed($"{entry} repeats the name of an earlier entry");
            var code = file.Byte($"{entry}'s dtype");
            var dtype = (Core.DType)code;
            if (!Enum.IsDefined(dtype)) throw file.Malformed($"{entry} has unknown dtype code {code}");
            var rank = file.Int32($"{entry}'s rank");
            if (rank < 0) throw file.Malformed($"{entry} has negative rank {rank:N0}");
            if (rank > file.Remaining / sizeof(int))
                throw file.Malformed($"{entry} claims rank {rank:N0} but only {file.Remaining:N0} bytes remain");
            var dims = Values<int>(file, rank, $"{entry}'s shape");
            var shape = $"[{string.Join(", ", dims)}]";
            if (dims.Any(d => d < 0)) throw file.Malformed($"{entry} has a negative dimension in shape {shape}");
            var numel = Numel(dims);
            if (numel > int.MaxValue)
                throw file.Malformed($"{entry} has shape {shape}: its element count exceeds {int.MaxValue:N0}, the most a tensor holds");
            long size = dtype switch { Core.DType.Float32 => sizeof(float), Core.DType.Bool => 1, _ => sizeof(long) };
            if (numel * size > file.Remaining)
                throw file.Malformed($"{entry} claims {numel:N0} {dtype.Name()} values ({numel * size:N0} bytes) but only {file.Remaining:N0} bytes remain");
            Shape s;
            try { s = Shape.Of(dims); }
            catch (Exception e) when (e is ArgumentException or OverflowException) { throw file.Malformed($"{entry} has shape {shape}: {e.Message}", e); }
            var n = (int)numel;
            result.Add(name, dtype switch
            {
                Core.DType.Float32 => NdArray.Own(s, Values<float>(file, n, $"{entry}'s values")),
                Core.DType.Float64 => NdArray.Own(s, Values<double>(file, n, $"{entry}'s values")),
                Core.DType.Int64 => NdArray.Own(s, Values<long>(file, n, $"{entry}'s values")),
                _ => NdArray.Own(s, Bools(Values<byte>(file, n, $"{entry}'s values"), file, entry)),
            });
        }
        if (file.Remaining > 0)
            throw file.Malformed($"{file.Remaining:N0} bytes follow the last of the {count:N0} entries: the entry count or an entry is corrupt");
        return result;
    }

    /// <summary>The product of non-negative <paramref name="dims"/>, or int.MaxValue + 1 once it exceeds int.MaxValue.</summary>
    static long Numel(int[] dims)
    {
        if (dims.Contains(0)) return 0;
        long n = 1;
        foreach (var d in dims)
            if ((n *= d) > int.MaxValue) return int.MaxValue + 1L;
        return n;
    }

    // Bool values as written: each byte 0 or 1 (any other is corrupt, and would not be a valid bool).
    static bool[] Bools(byte[] bytes, Reader file, string entry)
    {
        var r = new bool[bytes.Length];
        for (var i = 0; i < r.Length; i++)
            r[i] = bytes[i] switch { 0 => false, 1 => true, var b => throw file.Malformed($"{entry} has Bool value byte {b} at element {i}, not 0 or 1") };
        return r;
    }

    /// <summary>Reads <paramref name="n"/> little-endian values; the caller has checked that the file holds them.</summary>
    static T[] Values<T>(Reader file, int n, string what) where T : unmanaged
    {
        var values = new T[n];
        for (var start = 0; start < n; start += Chunk)
        {
            var chunk = values.AsSpan(start, Math.Min(Chunk, n - start));
            file.Fill(MemoryMarshal.AsBytes(chunk), what);
            if (!BitConverter.IsLittleEndian) Swap(chunk);
        }
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

    /// <summary>The file as a sequence of fields, each checked against the bytes left before it is read.</summary>
    sealed class Reader(Stream stream, string path)
    {
        readonly long length = stream.Length;

        public long Remaining => length - stream.Position;

        public InvalidDataException Malformed(string what, Exception? inner = null) => new($"{path}: {what}", inner);

        public void Fill(Span<byte> bytes, string what)
        {
            if (bytes.Length > Remaining)
                throw Malformed($"{what} needs {bytes.Length:N0} bytes but only {Remaining:N0} remain: the file is truncated");
            stream.ReadExactly(bytes);
        }

        public byte Byte(string what)
        {
            Span<byte> bytes = stackalloc byte[1];
            Fill(bytes, what);
            return bytes[0];
        }

        public int Int32(string what)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            Fill(bytes, what);
            return BinaryPrimitives.ReadInt32LittleEndian(bytes);
        }

        /// <summary>BinaryWriter's string: a byte length in 7-bit groups (low group first, at most 5), then UTF-8.</summary>
        public string String(string what)
        {
            ulong n = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift == 35 || n > int.MaxValue) throw Malformed($"{what} has a malformed length prefix");
                var b = Byte(what);
                n |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            if (n > int.MaxValue) throw Malformed($"{what} has a malformed length prefix");
            if (n > (ulong)Remaining) throw Malformed($"{what} claims {n:N0} bytes but only {Remaining:N0} remain");
            var bytes = Values<byte>(this, (int)n, what);
            try { return Utf8.GetString(bytes); }
            catch (DecoderFallbackException e) { throw Malformed($"{what} is not valid UTF-8", e); }
        }
    }
}
