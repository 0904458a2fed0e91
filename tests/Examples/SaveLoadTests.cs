using Nabla.NN;

namespace Nabla.Examples;

/// <summary>Module.Save and Module.Load: parameters by name, exact round trip, PyTorch's load_state_dict errors.</summary>
public sealed class SaveLoadTests : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), $"nabla-{Guid.NewGuid():N}.state");

    public void Dispose() => File.Delete(path);

    static Sequential Model(int seed) => new(new NN.Linear(4, 3, seed: seed), new ReLU(), new NN.Linear(3, 2, seed: seed + 1));

    [Fact]
    public void A_reloaded_model_gives_identical_predictions()
    {
        var source = Model(1);
        var x = Tensor.Randn([5, 4], seed: 3);
        source.Save(path);

        var target = Model(100);
        var parameters = target.Parameters().ToList();
        Assert.NotEqual(source.Forward(x).ToArray(), target.Forward(x).ToArray());
        target.Load(path);

        Assert.Equal(source.Forward(x).ToArray(), target.Forward(x).ToArray());
        Assert.Equal(source.Parameters().Select(p => p.ToArray()), target.Parameters().Select(p => p.ToArray()));
        // The same parameter objects, so an optimizer made before loading keeps working on them.
        Assert.Equal(parameters, target.Parameters());
        Assert.All(target.Parameters(), p => Assert.True(p.RequiresGrad && p.IsLeaf));
    }

    [Fact]
    public void Float64_values_round_trip_bit_for_bit()
    {
        var source = new NN.Linear(3, 3, seed: 9, dtype: DType.Float64);
        source.Save(path);
        var target = new NN.Linear(3, 3, seed: 10, dtype: DType.Float64);
        target.Load(path);
        Assert.Equal(source.Weight.ToArray(), target.Weight.ToArray());
        Assert.Equal(DType.Float64, target.Weight.DType);
    }

    [Fact]
    public void Mismatched_names_and_shapes_are_reported_and_change_nothing()
    {
        Model(1).Save(path);
        var wider = new Sequential(new NN.Linear(4, 5, seed: 2), new ReLU(), new NN.Linear(5, 2, seed: 3));
        var before = wider.Parameters().Select(p => p.ToArray()).ToList();
        var e = Assert.Throws<InvalidOperationException>(() => wider.Load(path));
        Assert.Contains("size mismatch for 0.weight: copying a param with shape [3, 4] from checkpoint, the shape in current model is [5, 4].", e.Message);
        Assert.Equal(before, wider.Parameters().Select(p => p.ToArray()));

        var other = new Sequential(new NN.Linear(4, 3), new NN.Linear(3, 2), new ReLU());
        e = Assert.Throws<InvalidOperationException>(() => other.Load(path));
        Assert.Contains("Missing key(s) in state_dict: \"1.weight\", \"1.bias\".", e.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"2.weight\", \"2.bias\".", e.Message);

        File.WriteAllText(path, "not a state file");
        Assert.Throws<InvalidDataException>(() => Model(1).Load(path));
    }
}
