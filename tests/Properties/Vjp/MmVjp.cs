namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Ā = Ȳ·Bᵀ, B̄ = Aᵀ·Ȳ for A [m,k] and B [k,n]; and for op(A)·op(B) with either operand read transposed (the form a
/// linear layer's weight gradient takes). Its VJPs are themselves products with transpose flags, so checking every flag
/// combination to first order covers the second order too.
/// </summary>
public sealed class MmVjp
{
    static readonly Gen<Case> Cases =
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from a in Generators.Samples(Shape.Of(m, k))
        from b in Generators.Samples(Shape.Of(k, n))
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    static readonly Gen<(Case Case, bool TA, bool TB)> TransposedCases =
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from ta in Gen.Elements(false, true)
        from tb in Gen.Elements(false, true)
        from a in Generators.Samples(ta ? Shape.Of(k, m) : Shape.Of(m, k))
        from b in Generators.Samples(tb ? Shape.Of(n, k) : Shape.Of(k, n))
        from seed in Generators.Seeds
        select (new Case([a, b], seed), ta, tb);

    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => Mm.Apply(xs[0], xs[1]), c));

    [Property]
    public Property Transposed_operands_match_central_differences() =>
        Prop.ForAll(TransposedCases.ToArbitrary(), t => Gradcheck.Verify(xs => Mm.Apply(xs[0], xs[1], t.TA, t.TB), t.Case));

    [Fact]
    public void A_transposed_operand_gives_the_product_of_the_transposed_matrix()
    {
        var a = Expr.Constant(NdArray.From([1.0, 2, 3, 4, 5, 6], Shape.Of(3, 2), DType.Float64));   // Aᵀ = [[1,3,5],[2,4,6]]
        var b = Expr.Constant(NdArray.From([1.0, 0, 2, 1, 0, 3], Shape.Of(3, 2), DType.Float64));
        var y = Autodiff.Eval(Mm.Apply(a, b, transposeA: true, transposeB: false)).Value;
        Assert.Equal([7.0, 18, 10, 22], y.ToDoubles());                                             // Aᵀ·B
    }
}
