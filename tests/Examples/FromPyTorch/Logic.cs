namespace Nabla.Examples;

internal static partial class FromPyTorch
{
    /// <summary>The vocabulary's logic rows (issue 13).</summary>
    static FromPyTorchRow[] LogicRows() =>
    [
    ];
}
