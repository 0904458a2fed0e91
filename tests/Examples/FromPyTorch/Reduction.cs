namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's reduction rows (issue 13).</summary>
    static FromPyTorchRow[] ReductionRows() =>
    [
    ];
}
