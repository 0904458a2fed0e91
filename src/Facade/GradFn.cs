using Nabla.Core;

namespace Nabla;

/// <summary>The backward function that made a tensor, as PyTorch's <c>grad_fn</c>.</summary>
public sealed class GradFn
{
    internal GradFn(OpNode node) => Node = node;

    internal OpNode Node { get; }

    /// <summary>PyTorch's name for it: <c>AddBackward0</c>, <c>MulBackward0</c>, ...</summary>
    public string Name => Node.Name;

    /// <summary>The functions that made this one's inputs (null where an input does not require grad), as <c>next_functions</c>.</summary>
    public IReadOnlyList<string?> NextFunctions => Node.Inputs.Select(n => n?.Name).ToList();

    /// <summary><c>&lt;MulBackward0&gt;</c>.</summary>
    public override string ToString() => $"<{Name}>";
}
