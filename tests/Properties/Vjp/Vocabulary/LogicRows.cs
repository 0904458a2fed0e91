namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>
    /// The vocabulary's logic ops with a derivative (issue 13): masked_fill (x̄ = ȳ where not filled, summed back over a
    /// mask that broadcasts x), clamp in its three forms (x̄ = ȳ where lo ≤ x ≤ hi; samples kept 10⁻³ from the bounds,
    /// so the step never crosses one), and where with a Bool condition that broadcasts with both operands.
    /// </summary>
    static GradcheckRow[] LogicRows() =>
    [
        Row("masked_fill", "MaskedFillBackward0",
            from full in Generators.Shapes()
            from xShape in Generators.BroadcastingTo(full)
            from maskShape in Generators.BroadcastingTo(full)
            from x in Generators.Samples(xShape)
            from mask in BoolMasks(maskShape)
            from value in Gen.Elements(0.0, -1.5, 7.0)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Mask: mask, Value: value)),
            (t, xs) => MaskedFill.Apply(xs[0], t.Mask.Array(), t.Value)),
        Row("clamp", "ClampBackward1", Clamped(both: true), (b, xs) => Clamp.Apply(xs[0], b.Lo, b.Hi)),
        Row("clamp_min", "ClampMinBackward0", Clamped(both: false), (b, xs) => Clamp.Apply(xs[0], b.Lo, null, "clamp_min")),
        Row("clamp_max", "ClampMaxBackward0", Clamped(both: false), (b, xs) => Clamp.Apply(xs[0], null, b.Lo, "clamp_max")),
        Row("where_condition", "WhereBackward0",
            from full in Generators.Shapes()
            from aShape in Generators.BroadcastingTo(full)
            from bShape in Generators.BroadcastingTo(full)
            from condition in BoolMasks(full)
            from a in Generators.Samples(aShape)
            from b in Generators.Samples(bShape)
            from seed in Generators.Seeds
            select (new Case([a, b], seed), condition),
            (condition, xs) => WhereTensor.Apply(condition.Array(), xs[0], xs[1])),
    ];

    // A Bool mask of the shape, as a printable constant.
    static Gen<BoolMask> BoolMasks(Shape shape) =>
        from values in Gen.ArrayOf(Gen.Elements(false, true), shape.Numel)
        select new BoolMask(shape, values);

    internal sealed record BoolMask(Shape Shape, bool[] Values)
    {
        public NdArray Array() => NdArray.From(Values, Shape);
        public override string ToString() => $"mask {Shape} {{{string.Join("", Values.Select(b => b ? '1' : '0'))}}}";
    }

    // Bounds lo ≤ hi (or lo alone) inside the samples' range, and samples at least 10⁻³ from each.
    static Gen<(Case Case, (double Lo, double? Hi) Bounds)> Clamped(bool both) =>
        from lo in Generators.Uniform(-1.5, 1)
        from width in Generators.Uniform(0, 1.5)
        from c in Generators.UnaryCases()
        let hi = both ? lo + width : (double?)null
        where c.Inputs[0].Values.All(v => Math.Abs(v - lo) >= 1e-3 && (hi is not { } h || Math.Abs(v - h) >= 1e-3))
        select (c, (lo, hi));
}
