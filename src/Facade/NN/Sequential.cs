using System.Collections;

namespace Nabla.NN;

/// <summary>Modules applied in order, each to the previous one's output (torch.nn.Sequential); children are named "0", "1", ...</summary>
public sealed class Sequential : Module, IReadOnlyList<Module>
{
    readonly Module[] layers;

    /// <summary>A chain of <paramref name="layers"/>.</summary>
    public Sequential(params Module[] layers)
    {
        this.layers = layers.ToArray();
        for (var i = 0; i < this.layers.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), this.layers[i]);
    }

    /// <summary>Layer <paramref name="index"/>; negative indices count from the end, as in Python.</summary>
    public Module this[int index] =>
        index >= -layers.Length && index < layers.Length ? layers[index < 0 ? index + layers.Length : index]
        : throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is out of range");

    /// <summary>Number of layers.</summary>
    public int Count => layers.Length;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => layers.Aggregate(input, (x, layer) => layer.Forward(x));

    /// <inheritdoc/>
    public IEnumerator<Module> GetEnumerator() => ((IEnumerable<Module>)layers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
