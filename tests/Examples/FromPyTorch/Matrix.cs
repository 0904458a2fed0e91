namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's matrix rows (issue 13).</summary>
    static FromPyTorchRow[] MatrixRows() =>
    [
    ];
}
