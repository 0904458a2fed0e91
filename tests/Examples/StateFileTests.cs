using System.Text;
using Nabla.NN;

namespace Nabla.Examples;

/// <summary>
/// The state file's bytes: what Save writes (BinaryWriter's layout, unchanged since the format's first version).
/// </summary>
public sealed class StateFileTests : IDisposable
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
}
