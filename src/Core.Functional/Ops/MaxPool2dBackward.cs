using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>
/// y = zeros of the pooled input's shape with each x[i] added at flat index indices[i]: max pooling's backward,
/// linear in x, with adjoint x̄ = <see cref="Gather"/>(ȳ) at the same indices.
/// </summary>
public sealed class MaxPool2dBackward : LinearOp<(int[] Indices, Shape Output)>
{
    static readonly MaxPool2dBackward Rule = new();

    /// <inheritdoc/>
    public override string Name => "MaxPool2DWithIndicesBackwardBackward0";

    /// <summary>
    /// Zeros of <paramref name="input"/> with x's elements (row-major) added at <paramref name="indices"/>, flat
    /// indices into that shape, one per element of x; the array is kept, so it must not be written afterwards.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] indices, Shape input) =>
        env =>
        {
            if (indices.Length != x.Shape.Numel)
                throw new ArgumentException($"max_pool2d_backward: {indices.Length} indices for a gradient of shape {x.Shape}");
            var y = Convolutions.ScatterAdd(Layout.Cast(x.Value, x.DType.ToFloating()), indices, input);
            return Rule.Record(env, y, (indices, x.Shape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((int[] Indices, Shape Output) s, Shape shape, Expr t) =>
        Apply(t, s.Indices, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((int[] Indices, Shape Output) s, Expr yBar) =>
        Gather.Apply(yBar, s.Indices, s.Output);
}
