namespace Nabla.Core;

/// <summary>y = condition ? a : b with the condition a Bool tensor, all three broadcast together (WhereBackward0).</summary>
public static class WhereTensor
{
    /// <summary>Elementwise selection by a Bool condition.</summary>
    public static Reader<GradEnv, Expr> Apply(NdArray condition, Expr a, Expr b) =>
        env =>
        {
            if (condition.DType != DType.Bool)
                throw new ArgumentException(
                    $"where expected condition to be a boolean tensor, but got a tensor with dtype {condition.DType.ScalarTypeName()}");
            var shape = Shape.Broadcast(Shape.Broadcast(condition.Shape, a.Shape, "where"), b.Shape, "where");
            var mask = Logic.Mask(condition, shape);
            var ab = Shape.Broadcast(a.Shape, b.Shape, "where");
            var op = ab.Equals(shape)
                ? Where.Apply(mask, a, b)
                : from fa in Expand.Apply(a, shape) from r in Where.Apply(mask, fa, b) select r;
            return op(env);
        };
}
