using System.Diagnostics.Contracts;

namespace Nabla.Core;

/// <summary>
/// A tensor as the graph sees it: an immutable value and, when it requires grad, the <see cref="Node"/> that
/// made it (a <see cref="LeafNode"/> for leaves). Values never point to their inputs' values, so a graph keeps
/// alive only what its derivative rules saved.
/// </summary>
public sealed record Expr(NdArray Value, Node? Node)
{
    /// <summary>
    /// True for tensors made in inference mode (PyTorch's inference tensors): they never require grad through an
    /// op, and a recorded op may not save them for backward.
    /// </summary>
    public bool IsInference { get; init; }

    /// <summary>True when gradients flow to this expression.</summary>
    public bool RequiresGrad => Node is not null;

    /// <summary>True for leaves: constants and tensors created by the user rather than by a recorded op.</summary>
    public bool IsLeaf => Node is null or LeafNode;

    /// <summary>The value's shape.</summary>
    public Shape Shape => Value.Shape;

    /// <summary>The value's dtype.</summary>
    public DType DType => Value.DType;

    /// <summary>An expression that does not require grad.</summary>
    [Pure] public static Expr Constant(NdArray value) => new(value, null);

    /// <summary>A 0-dimensional constant, as PyTorch wraps a Python number.</summary>
    [Pure] public static Expr Scalar(double value, DType dtype) => new(NdArray.Scalar(value, dtype), null);

    /// <summary>A fresh leaf that requires grad; only floating dtypes can.</summary>
    [Pure]
    public static Expr Leaf(NdArray value) =>
        value.DType.IsFloating() ? new(value, new LeafNode(value.Shape, value.DType))
        : throw new InvalidOperationException("only Tensors of floating point and complex dtype can require gradients");
}
