using System.Collections.Immutable;

namespace Nabla.Core;

/// <summary>
/// y[i] = x at flat index indices[i], shaped as given (PyTorch's take; what max pooling's double backward reads): linear, with adjoint
/// x̄ = zeros of x's shape with ȳ added at the same indices (<see cref="MaxPool2dBackward"/>).
/// </summary>
public sealed class Take() : LinearOp<(ImmutableArray<int> Indices, Shape Input)>("TakeBackward0")
{
    static readonly Take Rule = new();

    /// <summary>
    /// The elements of x at the flat (row-major) <paramref name="indices"/>, as a tensor of <paramref name="shape"/>.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, ImmutableArray<int> indices, Shape shape) =>
        env =>
        {
            if (indices.Length != shape.Numel)
                throw new ArgumentException($"take: {indices.Length} indices for an output of shape {shape}");
            var y = Layout.Take(Layout.Cast(x.Value, x.DType.ToFloating()), indices.AsSpan(), shape);
            return Rule.Record(env, y, (indices, x.Shape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((ImmutableArray<int> Indices, Shape Input) s, Shape shape, Expr t) =>
        Apply(t, s.Indices, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((ImmutableArray<int> Indices, Shape Input) s, Expr yBar) =>
        MaxPool2dBackward.Apply(yBar, s.Indices, s.Input);
}
