namespace Nabla.Properties;

using FsCheck.Fluent;
using Nabla.Core;

/// <summary>tanh's fused VJP g = ȳ ⊙ (1 − y²) as an op of its own: ∂/∂ȳ = ḡ ⊙ (1 − y²), ∂/∂y = −2 ḡ ⊙ ȳ ⊙ y, broadcasting.</summary>
public sealed class TanhBackwardVjp
{
    [Fact]
    public void Matches_central_differences_with_broadcasting() =>
        Props.Check(Prop.ForAll(
            Generators.BinaryCases(loB: -1, hiB: 1).ToArbitrary(),
            c => Gradcheck.Verify(xs => TanhBackward.Apply(xs[0], xs[1]), c)), 200);
}
