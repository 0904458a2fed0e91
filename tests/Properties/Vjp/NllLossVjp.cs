namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>y = −(1/N) Σᵢ x[i, tᵢ] for x [N, C] or [C]: x̄ = −ȳ/N at each (i, tᵢ), 0 elsewhere. The Int64 targets are constants closed over.</summary>
public sealed class NllLossVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(ClassTargets.Cases().ToArbitrary(), t =>
            Gradcheck.Verify(xs => NllLoss.Apply(xs[0], t.Targets.Constant()), t.Case));
}
