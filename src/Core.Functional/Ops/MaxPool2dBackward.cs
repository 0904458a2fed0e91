using System.Collections.Immutable;

namespace Nabla.Core;

/// <summary>
/// y = zeros of the pooled input's shape with each x[i] added at flat index indices[i]: max pooling's backward,
/// linear in x, with adjoint x̄ = <see cref="Take"/>(ȳ) at the same indices.
/// </summary>
public sealed class MaxPool2dBackward() : LinearOp<(ImmutableArray<int> Indices, Shape Output)>("MaxPool2DWithIndicesBackwardBackward0")
{
    static readonly MaxPool2dBackward Rule = new();

    /// <summary>
    /// Zeros of <paramref name="input"/> with x's elements (row-major) added at <paramref name="indices"/>, flat
    /// indices into that shape, one per element of x.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, ImmutableArray<int> indices, Shape input) =>
        env =>
        {
            if (indices.Length != x.Shape.Numel)
                throw new ArgumentException($"max_pool2d_backward: {indices.Length} indices for a gradient of shape {x.Shape}");
            var y = Layout.ScatterAdd(Layout.Cast(x.Value, x.DType.ToFloating()), indices.AsSpan(), input);
            return Rule.Record(env, y, (indices, x.Shape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((ImmutableArray<int> Indices, Shape Output) s, Shape shape, Expr t) =>
        Apply(t, s.Indices, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((ImmutableArray<int> Indices, Shape Output) s, Expr yBar) =>
        Take.Apply(yBar, s.Indices, s.Output);
}
