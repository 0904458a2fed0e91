namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's shape rows (issue 13).</summary>
    static FromPyTorchRow[] ShapeRows() =>
    [
    ];
}
