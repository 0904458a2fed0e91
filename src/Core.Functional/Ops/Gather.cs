using LanguageExt;
using Nabla.Core.Numerics;

namespace Nabla.Core;

/// <summary>
/// y[i] = x at flat index indices[i], shaped as given (what max pooling's double backward reads).
/// x̄ = zeros of x's shape with ȳ added at the same indices: <see cref="MaxPool2dBackward"/>; ẏ = ẋ at the indices.
/// </summary>
public sealed class Gather : Op<(int[] Indices, Shape Input)>
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
    protected internal override Reader<GradEnv, Expr> Vjp((int[] Indices, Shape Input) s, Expr? y, Expr yBar, int input) =>
        MaxPool2dBackward.Apply(yBar, s.Indices, s.Input);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((int[] Indices, Shape Input) s, Expr? y, Shape shape, Expr?[] xDots) =>
        Apply(xDots[0]!, s.Indices, shape);
}
