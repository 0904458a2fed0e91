namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's creation rows (issue 13).</summary>
    static FromPyTorchRow[] CreationRows() =>
    [
    ];
}
