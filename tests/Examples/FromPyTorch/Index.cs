namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's index rows (issue 13).</summary>
    static FromPyTorchRow[] IndexRows() =>
    [
    ];
}
