using Nabla.NN;

namespace Nabla.SaveLoop;

/// <summary>Checkpoint number k: a model whose every parameter element equals k, so a loaded file tells which save it holds.</summary>
public sealed class Checkpoint : Module
{
    /// <summary>Elements of "weight" (1024 × 1024: a 4 MiB save, long enough for a kill to land inside it); "bias" has 1024.</summary>
    public const int Rows = 1024, Columns = 1024;

    /// <summary>Checkpoint <paramref name="k"/>: "weight" [Rows, Columns] and "bias" [Rows], every element k.</summary>
    public Checkpoint(double k, int rows = Rows)
    {
        RegisterParameter("weight", Tensor.Full([rows, Columns], k));
        RegisterParameter("bias", Tensor.Full([rows], k));
    }

    /// <summary>The parameters are the point; the forward is the identity.</summary>
    public override Tensor Forward(Tensor input) => input;

    /// <summary>The k that every element of every parameter equals, or null when they differ.</summary>
    public double? Number()
    {
        var values = Parameters().SelectMany(p => p.ToArray()).ToList();
        return values.All(v => v == values[0]) ? values[0] : null;
    }
}
