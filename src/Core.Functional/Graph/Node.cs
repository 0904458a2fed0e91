namespace Nabla.Core;

/// <summary>A vertex of the backward graph: the shape and dtype of the value it stands for, and its PyTorch name.</summary>
public abstract class Node
{
    private protected Node(Shape shape, DType dtype)
    {
        Shape = shape;
        DType = dtype;
    }

    /// <summary>Shape of the value this node produced; its gradient has the same shape.</summary>
    public Shape Shape { get; }

    /// <summary>Dtype of the value this node produced; its gradient has the same dtype.</summary>
    public DType DType { get; }

    /// <summary>PyTorch's name for this node's backward function, such as <c>MulBackward0</c>.</summary>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";
}

/// <summary>The identity of a leaf that requires grad: where gradients end and accumulate.</summary>
public sealed class LeafNode(Shape shape, DType dtype) : Node(shape, dtype)
{
    /// <inheritdoc/>
    public override string Name => "AccumulateGrad";
}
