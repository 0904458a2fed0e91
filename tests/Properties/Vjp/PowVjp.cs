namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Scalar exponent: x̄ = ȳ ⊙ p·xᵖ⁻¹. Tensor exponent: x̄ = ȳ ⊙ e·xᵉ⁻¹, ē = ȳ ⊙ xᵉ·ln x. Bases in [0.5, 2] keep
/// xᵖ⁻¹ and ln x away from their singularity at 0.
/// </summary>
public sealed class PowVjp
{
    // The exponents with their own kernel paths or rule (0, 1, 2) come up often, any real in [−3, 3] otherwise.
    static readonly Gen<double> Exponents =
        Gen.Frequency((1, Gen.Elements(-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0)), (1, Generators.Uniform(-3, 3)));

    [Property]
    public Property Scalar_exponent_matches_central_differences() =>
        Prop.ForAll(
            Generators.UnaryCases(0.5, 2).Zip(Exponents).ToArbitrary(),
            t => Gradcheck.Verify(xs => Pow.Apply(xs[0], t.Item2), t.Item1));

    [Property]
    public Property Tensor_exponent_matches_central_differences_with_broadcasting() =>
        Prop.ForAll(
            Generators.BinaryCases(loA: 0.5, hiA: 2).ToArbitrary(),
            c => Gradcheck.Verify(xs => PowTensor.Apply(xs[0], xs[1]), c));
}
