namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// The sigmoid's fused VJP g = ȳ ⊙ y ⊙ (1 − y) as an op of its own: ∂/∂ȳ = ḡ ⊙ y ⊙ (1 − y), ∂/∂y = ḡ ⊙ ȳ ⊙ (1 − 2y),
/// broadcasting.
/// </summary>
public sealed class SigmoidBackwardVjp
{
    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(
            Generators.BinaryCases(loB: 0, hiB: 1).ToArbitrary(),
            c => Gradcheck.Verify(xs => SigmoidBackward.Apply(xs[0], xs[1]), c));
}
