namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>tanh's fused VJP g = ȳ ⊙ (1 − y²) as an op of its own: ∂/∂ȳ = ḡ ⊙ (1 − y²), ∂/∂y = −2 ḡ ⊙ ȳ ⊙ y, broadcasting.</summary>
public sealed class TanhBackwardVjp
{
    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(
            Generators.BinaryCases(loB: -1, hiB: 1).ToArbitrary(),
            c => Gradcheck.Verify(xs => TanhBackward.Apply(xs[0], xs[1]), c));
}
