namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>ā = mask ? ȳ : 0, b̄ = mask ? 0 : ȳ, each summed back over broadcast dimensions.</summary>
public sealed class WhereVjp
{
    static readonly Gen<(Case Case, Mask Mask)> Cases =
        from c in Generators.BinaryCases()
        from mask in Gen.ArrayOf(Gen.Elements(false, true), Shape.Broadcast(c.Inputs[0].Shape, c.Inputs[1].Shape, "where").Numel)
        select (c, new Mask(mask));

    [Property]
    public Property Matches_central_differences_with_broadcasting() =>
        Prop.ForAll(Cases.ToArbitrary(), t => Gradcheck.Verify(xs => Where.Apply(t.Mask.Values, xs[0], xs[1]), t.Case));

    /// <summary>A selection mask, printed as 0s and 1s.</summary>
    internal sealed record Mask(bool[] Values)
    {
        public override string ToString() => $"mask {{{string.Join("", Values.Select(b => b ? '1' : '0'))}}}";
    }
}
