namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>
    /// The vocabulary's elementwise ops (issue 13), a row each. Domains keep away from poles, branch points and kinks:
    /// asin and acos in (−0.9, 0.9), log1p above −0.5, rsqrt above 0.5, tan in (−1.2, 1.2); floor, ceil, round and sign
    /// (zero gradient) between their jumps; atan2's first operand at least 0.2 from 0 (off the branch cut along the
    /// negative b axis and away from the origin); maximum and minimum on grids an eighth apart, so no tie is within the step.
    /// </summary>
    static GradcheckRow[] ElementwiseRows() =>
    [
        Unary("log1p", "Log1PBackward0", Generators.UnaryCases(-0.5, 2), Log1p.Apply),          // x̄ = ȳ ⊘ (1 + x)
        Unary("expm1", "Expm1Backward0", Generators.UnaryCases(), Expm1.Apply),                 // x̄ = ȳ ⊙ (y + 1)
        Unary("erf", "ErfBackward0", Generators.UnaryCases(-3, 3), Erf.Apply),                  // x̄ = ȳ ⊙ (2/√π) e^(−x²)
        Unary("tan", "TanBackward0", Generators.UnaryCases(-1.2, 1.2), Tan.Apply),              // x̄ = ȳ ⊙ (1 + y²)
        Unary("atan", "AtanBackward0", Generators.UnaryCases(), Atan.Apply),                    // x̄ = ȳ ⊘ (1 + x²)
        Unary("asin", "AsinBackward0", Generators.UnaryCases(-0.9, 0.9), Asin.Apply),           // x̄ = ȳ ⊘ √(1 − x²)
        Unary("acos", "AcosBackward0", Generators.UnaryCases(-0.9, 0.9), Acos.Apply),           // x̄ = −ȳ ⊘ √(1 − x²)
        Unary("sinh", "SinhBackward0", Generators.UnaryCases(), Sinh.Apply),                    // x̄ = ȳ ⊙ cosh x
        Unary("cosh", "CoshBackward0", Generators.UnaryCases(), Cosh.Apply),                    // x̄ = ȳ ⊙ sinh x
        Unary("rsqrt", "RsqrtBackward0", Generators.UnaryCases(0.5, 2), Rsqrt.Apply),           // x̄ = −ȳ ⊙ y³/2
        Unary("square", "PowBackward0", Generators.UnaryCases(), Nabla.Core.Square.Apply),      // x̄ = ȳ ⊙ 2x
        // x̄ = 0: the piecewise-constant ops, between their jumps.
        Unary("sign", "SignBackward0", Generators.SignedCases(0.1, 2), Sign.Apply),
        Unary("floor", "FloorBackward0", Between(0), Floor.Apply),
        Unary("ceil", "CeilBackward0", Between(0), Ceil.Apply),
        Unary("round", "RoundBackward0", Between(0.5), Round.Apply),
        // Values (k + u)/10ᵈ with |u| ≤ 0.45: at least 0.05/10ᵈ from the jumps at (k ± ½)/10ᵈ.
        Row("round_decimals", "RoundBackward1",
            from decimals in Gen.Elements(-1, 0, 1, 2)
            from shape in Generators.Shapes()
            from values in Gen.ArrayOf(from k in Gen.Choose(-20, 20) from u in Generators.Uniform(-0.45, 0.45)
                                       select (k + u) / Math.Pow(10, decimals), shape.Numel)
            from seed in Generators.Seeds
            select (new Case([new Sample(shape, values)], seed), decimals),
            (decimals, xs) => RoundDecimals.Apply(xs[0], decimals)),
        // ā = ȳ ⊙ b/(a² + b²), b̄ = −ȳ ⊙ a/(a² + b²)
        Binary("atan2", "Atan2Backward0",
            from shapes in Generators.BroadcastPairs
            from a in Generators.SignedSamples(shapes.A, 0.2, 2)
            from b in Generators.Samples(shapes.B)
            from seed in Generators.Seeds
            select new Case([a, b], seed),
            Atan2.Apply),
        // The input that is the result gets ȳ, the other 0.
        Binary("maximum", "MaximumBackward0", ApartPairs, Maximum.Apply),
        Binary("minimum", "MinimumBackward0", ApartPairs, Minimum.Apply),
    ];

    /// <summary>One input of a random shape whose values lie in (k + offset + 0.05, k + offset + 0.95) for integers k in [−2, 1].</summary>
    static Gen<Case> Between(double offset) =>
        from shape in Generators.Shapes()
        from values in Gen.ArrayOf(from k in Gen.Choose(-2, 1) from u in Generators.Uniform(0.05, 0.95) select k + offset + u, shape.Numel)
        from seed in Generators.Seeds
        select new Case([new Sample(shape, values)], seed);

    /// <summary>Two inputs of broadcasting shapes, a on multiples of ¼ and b on multiples of ¼ shifted by ⅛: never closer than ⅛.</summary>
    static Gen<Case> ApartPairs =>
        from shapes in Generators.BroadcastPairs
        from a in Gen.ArrayOf(Gen.Choose(-8, 8).Select(k => k / 4.0), shapes.A.Numel)
        from b in Gen.ArrayOf(Gen.Choose(-8, 7).Select(k => k / 4.0 + 0.125), shapes.B.Numel)
        from seed in Generators.Seeds
        select new Case([new Sample(shapes.A, a), new Sample(shapes.B, b)], seed);
}
