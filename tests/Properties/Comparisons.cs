namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;
using Nabla.Core.Numerics;

/// <summary>
/// The comparisons and logical ops elementwise against C#'s own operators on the broadcast operands, in Float64,
/// Float32 and Int64, with ties and NaN likely; their results are Bool constants without a node.
/// </summary>
public sealed class Comparisons
{
    static readonly CompareKind[] Kinds = Enum.GetValues<CompareKind>();

    // Values from a small set so that ties are common, and NaN for the floating dtypes.
    static Gen<Sample> Operands(Shape shape, DType dtype) =>
        from values in Gen.ArrayOf(Gen.Elements<double>(dtype == DType.Int64 ? new[] { -1.0, 0, 1, 2 } : new[] { -1.0, 0, 0.5, 1, double.NaN }), shape.Numel)
        select new Sample(shape, values, dtype);

    static readonly Gen<(Sample A, Sample B, CompareKind Kind)> Cases =
        from shapes in Generators.BroadcastPairs
        from dtype in Gen.Elements(DType.Float64, DType.Float32, DType.Int64)
        from a in Operands(shapes.A, dtype)
        from b in Operands(shapes.B, dtype)
        from kind in Gen.Elements(Kinds)
        select (a, b, kind);

    static bool Expected(CompareKind kind, double x, double y) => kind switch
    {
        CompareKind.Eq => x == y,
        CompareKind.Ne => x != y,
        CompareKind.Lt => x < y,
        CompareKind.Le => x <= y,
        CompareKind.Gt => x > y,
        _ => x >= y,
    };

    [Property]
    public Property Each_comparison_is_the_operator_on_the_broadcast_elements() =>
        Prop.ForAll(Cases.ToArbitrary(), t =>
        {
            // Leaves that require grad where the dtype can: the result has no node all the same.
            static Expr Input(Sample s) => s.DType == DType.Int64 ? s.Constant() : s.Leaf();
            var y = Autodiff.Eval(Compare.Apply(t.Kind, Input(t.A), Input(t.B)));
            var shape = Shape.Broadcast(t.A.Shape, t.B.Shape, "compare");
            Assert.Equal(DType.Bool, y.DType);
            Assert.Null(y.Node);
            Assert.Equal(shape, y.Shape);
            var (x, z) = (Layout.Expand(t.A.Array(), shape).ToDoubles(), Layout.Expand(t.B.Array(), shape).ToDoubles());
            var actual = y.Value.ToDoubles();
            for (var k = 0; k < actual.Length; k++)
                Assert.True(Expected(t.Kind, x[k], z[k]) == (actual[k] == 1), $"{t.Kind} of {x[k]} and {z[k]} gave {actual[k]}");
        });

    [Property]
    public Property And_or_and_not_read_nonzero_as_true() =>
        Prop.ForAll(Cases.ToArbitrary(), t =>
        {
            var shape = Shape.Broadcast(t.A.Shape, t.B.Shape, "logic");
            var and = Autodiff.Eval(Logical.Apply(LogicKind.And, t.A.Constant(), t.B.Constant())).Value.ToDoubles();
            var or = Autodiff.Eval(Logical.Apply(LogicKind.Or, t.A.Constant(), t.B.Constant())).Value.ToDoubles();
            var not = Autodiff.Eval(Logical.Apply(null, t.A.Constant())).Value.ToDoubles();
            var (x, z) = (Layout.Expand(t.A.Array(), shape).ToDoubles(), Layout.Expand(t.B.Array(), shape).ToDoubles());
            for (var k = 0; k < and.Length; k++)
            {
                Assert.Equal(x[k] != 0 && z[k] != 0 ? 1 : 0, and[k]);
                Assert.Equal(x[k] != 0 || z[k] != 0 ? 1 : 0, or[k]);
            }
            var own = t.A.Array().ToDoubles();
            for (var k = 0; k < not.Length; k++) Assert.Equal(own[k] != 0 ? 0 : 1, not[k]);
        });
}
