namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's join rows (issue 13).</summary>
    static FromPyTorchRow[] JoinRows() =>
    [
    ];
}
