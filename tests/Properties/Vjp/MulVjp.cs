namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>ā = ȳ ⊙ b, b̄ = ȳ ⊙ a, each summed back over broadcast dimensions.</summary>
public sealed class MulVjp
{
    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(Generators.BinaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Mul.Apply(xs[0], xs[1]), c));
}
