namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>ā = ȳ, b̄ = ȳ, each summed back over broadcast dimensions.</summary>
public sealed class AddVjp
{
    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(Generators.BinaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Add.Apply(xs[0], xs[1]), c));
}
