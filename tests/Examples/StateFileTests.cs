using System.Text;
using Nabla.NN;
using Xunit.Abstractions;

namespace Nabla.Examples;

/// <summary>
/// The state file's bytes: what Save writes (BinaryWriter's layout, unchanged since the format's first version), and
/// what Load does with a file that is truncated, random, corrupted or crafted: InvalidDataException naming the file and
/// what is wrong, without allocating what the file claims, and without touching the model.
/// </summary>
public sealed class StateFileTests(ITestOutputHelper output) : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), $"nabla-{Guid.NewGuid():N}.state");

    public void Dispose() => File.Delete(path);

    static Sequential Model(int seed, DType dtype = DType.Float32) =>
        new(new NN.Linear(2, 3, seed: seed, dtype: dtype), new ReLU(), new NN.Linear(3, 1, seed: seed + 1, dtype: dtype));

    /// <summary>A file written field by field with BinaryWriter, as Save wrote it before it copied spans.</summary>
    static byte[] Written(Action<BinaryWriter> write)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true)) write(writer);
        return bytes.ToArray();
    }

    /// <summary>The file of <paramref name="model"/>, one value at a time.</summary>
    static byte[] Reference(Module model) => Written(w =>
    {
        w.Write("NABLA-STATE 1");
        w.Write(model.NamedParameters().Count());
        foreach (var (name, p) in model.NamedParameters())
        {
            w.Write(name);
            w.Write((byte)p.DType);
            w.Write(p.Shape.Length);
            foreach (var d in p.Shape) w.Write(d);
            foreach (var v in p.ToArray())
                if (p.DType == DType.Float32) w.Write((float)v);
                else w.Write(v);
        }
    });

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Save_writes_the_layout_that_earlier_versions_wrote_and_Load_reads_it(DType dtype)
    {
        var model = Model(1, dtype);
        model.Save(path);
        Assert.Equal(Reference(model), File.ReadAllBytes(path));

        File.WriteAllBytes(path, Reference(model));
        var copy = Model(50, dtype);
        copy.Load(path);
        Assert.Equal(model.Parameters().Select(p => p.ToArray()), copy.Parameters().Select(p => p.ToArray()));
    }

    /// <summary>The header of a file claiming <paramref name="count"/> entries.</summary>
    static void Header(BinaryWriter w, int count)
    {
        w.Write("NABLA-STATE 1");
        w.Write(count);
    }

    /// <summary>An entry's name, dtype code, rank and dims; the values are the caller's.</summary>
    static void Entry(BinaryWriter w, string name, byte dtype, params int[] dims)
    {
        w.Write(name);
        w.Write(dtype);
        w.Write(dims.Length);
        foreach (var d in dims) w.Write(d);
    }

    static readonly Dictionary<string, (byte[] Bytes, string Says)> Crafted = new()
    {
        ["zero bytes"] = ([], "the file is empty, not a Nabla state file"),
        ["the magic cut short"] = (Written(w => w.Write("NABLA-STATE 1"))[..5], "the file ends after 5 bytes, inside the header \"NABLA-STATE 1\": it is truncated"),
        ["a zip, as torch.save writes"] = ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            "not a Nabla state file: it starts with 50-4B-03-04-14-00-00-00-00-00-00-00-00-00, not \"NABLA-STATE 1\""),
        ["a NumPy .npy file"] = ([0x93, .. "NUMPY"u8, 1, 0, 0x76, 0], "not a Nabla state file: it starts with 93-4E-55-4D-50-59-01-00-76-00"),
        ["text"] = ("not a state file"u8.ToArray(), "not a Nabla state file: it starts with 6E-6F-74-20"),
        ["another format version"] = (Written(w => { w.Write("NABLA-STATE 2"); w.Write(0); }), "not a Nabla state file"),
        ["a negative count"] = (Written(w => Header(w, -5)), "the entry count is -5, negative"),
        ["a huge count"] = (Written(w => Header(w, int.MaxValue)), "the file claims 2,147,483,647 entries but only 0 bytes remain"),
        ["a huge name length"] = (Written(w => { Header(w, 1); w.Write([0xFF, 0xFF, 0xFF, 0xFF, 0x07]); w.Write(new byte[20]); }),
            "entry 0's name claims 2,147,483,647 bytes but only 20 remain"),
        ["a malformed name length"] = (Written(w => { Header(w, 1); w.Write([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]); w.Write(new byte[10]); }),
            "entry 0's name has a malformed length prefix"),
        ["a name that is not UTF-8"] = (Written(w => { Header(w, 1); w.Write([2, 0xC3, 0x28, 0]); w.Write(0); w.Write(1f); }),
            "entry 0's name is not valid UTF-8"),
        ["a huge rank"] = (Written(w => { Header(w, 1); w.Write("w"); w.Write((byte)0); w.Write(int.MaxValue); w.Write(0L); }),
            "entry 0 (\"w\") claims rank 2,147,483,647 but only 8 bytes remain"),
        ["a negative rank"] = (Written(w => { Header(w, 1); w.Write("w"); w.Write((byte)0); w.Write(-1); w.Write(0L); }),
            "entry 0 (\"w\") has negative rank -1"),
        ["huge dims"] = (Written(w => { Header(w, 1); Entry(w, "w", 0, 65536, 65536); w.Write(0); }),
            "entry 0 (\"w\") has shape [65536, 65536]: its element count exceeds 2,147,483,647, the most a tensor holds"),
        ["dims whose product overflows int"] = (Written(w => { Header(w, 1); Entry(w, "w", 0, 46341, 46341); w.Write(0); }),
            "entry 0 (\"w\") has shape [46341, 46341]: its element count exceeds 2,147,483,647"),
        ["dims whose product overflows long"] = (Written(w => { Header(w, 1); Entry(w, "w", 1, 1 << 30, 1 << 30, 1 << 30, 1 << 30); w.Write(0); }),
            "entry 0 (\"w\") has shape [1073741824, 1073741824, 1073741824, 1073741824]: its element count exceeds 2,147,483,647"),
        ["a negative dim"] = (Written(w => { Header(w, 1); Entry(w, "w", 0, 3, -2); w.Write(0L); }),
            "entry 0 (\"w\") has a negative dimension in shape [3, -2]"),
        ["more values than bytes"] = (Written(w =>
            {
                Header(w, 2);
                Entry(w, "0.weight", 0, 3, 2);
                w.Write(new byte[6 * sizeof(float)]);
                Entry(w, "0.bias", 0, 1 << 30);
                w.Write(new byte[12]);
            }),
            "entry 1 (\"0.bias\") claims 1,073,741,824 float32 values (4,294,967,296 bytes) but only 12 bytes remain"),
        // The two files: 29 bytes that made Load allocate 1 GiB, 30 that made it throw OutOfMemoryException.
        ["a 1 GiB claim"] = (Written(w => { Header(w, 1); Entry(w, "w", 0, 1 << 28); }),
            "entry 0 (\"w\") claims 268,435,456 float32 values (1,073,741,824 bytes) but only 0 bytes remain"),
        ["a 16 GiB claim"] = (Written(w => { Header(w, 1); Entry(w, "ab", 1, int.MaxValue); }),
            "entry 0 (\"ab\") claims 2,147,483,647 float64 values (17,179,869,176 bytes) but only 0 bytes remain"),
        ["a Bool byte that is neither 0 nor 1"] = (Written(w => { Header(w, 1); Entry(w, "w", 3, 3); w.Write([1, 0, 2]); }),
            "entry 0 (\"w\") has Bool value byte 2 at element 2, not 0 or 1"),
        ["an unknown dtype"] = (Written(w => { Header(w, 1); Entry(w, "w", 7); w.Write(0L); }), "entry 0 (\"w\") has unknown dtype code 7"),
        ["duplicate names"] = (Written(w => { Header(w, 2); Entry(w, "w", 0); w.Write(1f); Entry(w, "w", 0); w.Write(2f); }),
            "entry 1 (\"w\") repeats the name of an earlier entry"),
        ["trailing bytes"] = ([.. Reference(Model(1)), 1, 2, 3], "3 bytes follow the last of the 4 entries"),
    };

    public static TheoryData<string> CraftedFiles => new(Crafted.Keys);

    /// <summary>
    /// Loads <paramref name="bytes"/> into a model, expecting InvalidDataException naming the file; checks that the
    /// model is unchanged and that Load allocated far less than any size the file claims. Returns the message.
    /// </summary>
    string Rejects(byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        var model = Model(1);
        var before = model.Parameters().Select(p => p.ToArray()).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Record.Exception(() => model.Load(path));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var message = $"{bytes.Length} bytes [{BitConverter.ToString(bytes[..Math.Min(bytes.Length, 40)])}]: {e?.GetType().Name}: {e?.Message}";
        Assert.True(e is InvalidDataException, message);
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.True(allocated < 1 << 20, $"{message}: Load allocated {allocated:N0} bytes");
        Assert.Equal(before, model.Parameters().Select(p => p.ToArray()));
        return e.Message;
    }

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public void A_crafted_file_is_rejected_before_anything_is_allocated(string file)
    {
        var (bytes, says) = Crafted[file];
        var message = Rejects(bytes);
        output.WriteLine(message);
        Assert.Contains(says, message);
    }

    [Fact]
    public void Every_prefix_of_a_valid_file_is_rejected_as_truncated()
    {
        var whole = Reference(Model(1));
        for (var length = 0; length < whole.Length; length++)
        {
            var message = Rejects(whole[..length]);
            if (length > 0) Assert.True(message.Contains("truncated") || message.Contains("remain"), message);
        }
    }

    [Fact]
    public void Random_bytes_are_rejected_with_or_without_a_valid_header()
    {
        var random = new Random(5);
        var header = Written(w => w.Write("NABLA-STATE 1"));
        for (var i = 0; i < 400; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            Rejects(i % 2 == 0 ? bytes : [.. header, .. bytes]);
        }
    }

    [Fact]
    public void A_corrupted_byte_anywhere_gives_the_values_it_says_or_one_of_the_two_load_errors()
    {
        var whole = Reference(Model(1));
        var (loaded, malformed, mismatched) = (0, 0, 0);
        var model = Model(1);
        for (var at = 0; at < whole.Length; at++)
            foreach (var flip in new byte[] { 0x01, 0x10, 0x80, 0xFF })
            {
                var bytes = (byte[])whole.Clone();
                bytes[at] ^= flip;
                File.WriteAllBytes(path, bytes);
                var before = model.Parameters().Select(p => p.ToArray()).ToList();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var e = Record.Exception(() => model.Load(path));
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                Assert.True(allocated < 1 << 20, $"byte {at} ^ {flip:X2}: Load allocated {allocated:N0} bytes");
                switch (e)
                {
                    case null: loaded++; continue;
                    case InvalidDataException: malformed++; Assert.StartsWith($"{path}: ", e.Message); break;
                    case InvalidOperationException: mismatched++; Assert.Contains(path, e.Message); break;
                    default: Assert.Fail($"byte {at} ^ {flip:X2}: {e.GetType().Name}: {e.Message}"); break;
                }
                Assert.Equal(before, model.Parameters().Select(p => p.ToArray()));
            }
        // A flipped value byte is a different, well-formed checkpoint; a flipped size or code must never load.
        output.WriteLine($"{whole.Length} bytes, 4 flips each: {loaded} loaded, {malformed} malformed, {mismatched} mismatched");
        var values = Model(1).Parameters().Sum(p => p.Numel) * sizeof(float);
        Assert.Equal(values * 4, loaded);
        Assert.True(malformed > 0 && mismatched > 0, $"{malformed} malformed, {mismatched} mismatched");
    }
}
