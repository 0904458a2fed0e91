using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>
/// y[i] = x at flat index indices[i], shaped as given (what max pooling's double backward reads): linear, with adjoint
/// x̄ = zeros of x's shape with ȳ added at the same indices (<see cref="MaxPool2dBackward"/>).
/// </summary>
public sealed class Gather : LinearOp<(int[] Indices, Shape Input)>
{
    static readonly Gather Rule = new();

    /// <inheritdoc/>
    public override string Name => "GatherBackward0";

    /// <summary>
    /// The elements of x at the flat (row-major) <paramref name="indices"/>, as a tensor of <paramref name="shape"/>;
    /// the array is kept, so it must not be written afterwards.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] indices, Shape shape) =>
        env =>
        {
            if (indices.Length != shape.Numel)
                throw new ArgumentException($"gather: {indices.Length} indices for an output of shape {shape}");
            var y = Convolutions.Gather(Layout.Cast(x.Value, x.DType.ToFloating()), indices, shape);
            return Rule.Record(env, y, (indices, x.Shape), x);
        };

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((int[] Indices, Shape Input) s, Shape shape, Expr t) =>
        Apply(t, s.Indices, shape);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((int[] Indices, Shape Input) s, Expr yBar) =>
        MaxPool2dBackward.Apply(yBar, s.Indices, s.Input);
}
