namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's elementwise rows (issue 13).</summary>
    static FromPyTorchRow[] ElementwiseRows() =>
    [
    ];
}
