namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// x̄ = ȳ cast back to x's dtype, between Float32 and Float64 both ways. Values are multiples of 1/256 and the
/// step is 2⁻¹⁰, so every shifted input and output is exact in Float32 and the differences are exact.
/// </summary>
public sealed class CastVjp
{
    static readonly Gen<(Case Case, DType To)> Cases =
        from shape in Generators.Shapes()
        from x in Generators.DyadicSamples(shape)
        from source in Gen.Elements(DType.Float32, DType.Float64)
        from to in Gen.Elements(DType.Float32, DType.Float64)
        from seed in Generators.Seeds
        select (new Case([x.In(source)], seed), to);

    [Property]
    public Property Matches_central_differences_between_float32_and_float64() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => Cast.Apply(xs[0], t.To), t.Case, Math.ScaleB(1, -10)));
}
