namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>Int64 class targets, passed to a loss as a constant: N of them for scores [N, C], or one 0-dimensional target for scores [C].</summary>
internal sealed record ClassTargets(Shape Shape, long[] Values)
{
    /// <summary>The targets as a constant Int64 expression.</summary>
    public Expr Constant() => Expr.Constant(NdArray.From(Values, Shape));

    /// <summary>
    /// Float64 scores [N, C] (N in 1..4) or, one time in four, [C], with C in 1..5 and values in [lo, hi]; targets
    /// drawn in 0..C−1; the seed of the check's cotangent and directions.
    /// </summary>
    public static Gen<(Case Case, ClassTargets Targets)> Cases(double lo = -2, double hi = 2) =>
        from classes in Gen.Choose(1, 5)
        from batched in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from n in Gen.Choose(1, 4)
        from x in Generators.Samples(batched ? Shape.Of(n, classes) : Shape.Of(classes), lo, hi)
        from t in Gen.ArrayOf(Gen.Choose(0, classes - 1).Select(k => (long)k), batched ? n : 1)
        from seed in Generators.Seeds
        select (new Case([x], seed), new ClassTargets(batched ? Shape.Of(n) : Shape.Scalar, t));

    public override string ToString() => $"int64{Shape} {{{string.Join(", ", Values)}}}";
}
