namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>ā = ȳ, b̄ = −ȳ, each summed back over broadcast dimensions; likewise for s − b with a number s (rsub).</summary>
public sealed class SubVjp
{    // s − b with s 0-dimensional, as PyTorch's rsub for a Python number on the left.
    static readonly Gen<Case> NumberMinusTensor =
        from s in Generators.Samples(Shape.Scalar)
        from shape in Generators.Shapes()
        from b in Generators.Samples(shape)
        from seed in Generators.Seeds
        select new Case([s, b], seed);

    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(Generators.BinaryCases().ToArbitrary(), c => Gradcheck.Verify(xs => Sub.Apply(xs[0], xs[1]), c));

    [Property(MaxTest = 100)]
    public Property Rsub_of_a_number_matches_central_differences() =>
        Prop.ForAll(NumberMinusTensor.ToArbitrary(), c => Gradcheck.Verify(xs => Sub.Rsub(xs[0], xs[1]), c));
}
