namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>The vocabulary's reduction ops (issue 13), a row each.</summary>
    static GradcheckRow[] ReductionRows() =>
    [
        // values: x̄ = ȳ at the index of each slice's maximum (minimum); distinct inputs, so the step never moves it.
        Row("max_dim", "MaxBackward0", DistinctReductions, (r, xs) => MaxDim.Apply(xs[0], r.Dim, r.KeepDim).Select(p => p.Values)),
        Row("min_dim", "MinBackward0", DistinctReductions, (r, xs) => MaxDim.Min(xs[0], r.Dim, r.KeepDim).Select(p => p.Values)),
        // x̄ = ȳ at the (unique) minimum; the smallest two values are kept apart so the step cannot swap them.
        Unary("min", "MinBackward1",
            Generators.UnaryCases().Where(c => c.Inputs[0].Values.Order().Take(2).Aggregate((a, b) => b - a) >= 1e-3),
            Min.Apply),
        // x̄ = ȳ (viewed with the kept shape, divided by n for a mean) broadcast back, over any set of dims.
        Row("sum_dims", "SumBackward1", DimSets, (r, xs) => SumDims.Apply(xs[0], r.Dims.Values, r.KeepDim)),
        Row("mean_dims", "MeanBackward1", DimSets, (r, xs) => MeanDims.Apply(xs[0], r.Dims.Values, r.KeepDim)),
        // x̄ = ȳ ⊙ ∏ of the others; the zero cases put exact zeros (one, or several) among the values.
        Unary("prod", "ProdBackward0", Generators.UnaryCases(), Prod.Apply),
        Unary("prod_with_zeros", "ProdBackward0", WithZeros.Select(r => r.Case), Prod.Apply),
        Row("prod_dim", "ProdBackward1", Reductions, (r, xs) => ProdDim.Apply(xs[0], r.Dim, r.KeepDim)),
        Row("prod_dim_with_zeros", "ProdBackward1", WithZeros, (r, xs) => ProdDim.Apply(xs[0], r.Dim, r.KeepDim)),
        // x̄ = ȳ ⊙ ∂‖x‖ₚ/∂x for the p with rules of their own (0, 1, 2, ∞) and others either side of 1 and 2; away from
        // the kinks at 0 (|x| ≥ 0.1), and with distinct magnitudes for ±∞.
        Row("norm", "NormBackward1", Norms, (r, xs) => Norm.Apply(xs[0], r.P)),
        Row("norm_dim", "NormBackward1", Norms, (r, xs) => Norm.Apply(xs[0], r.P, r.Dim, r.KeepDim)),
        // x̄ = ȳ ⊙ 2(x − mean) / (n − c) for the variance, that over 2·std for the standard deviation; n > c (n ≥ 2 for std).
        Row("var", "VarBackward0", Moments(std: false), (r, xs) => Var.Apply(xs[0], r.Dim, r.Correction, r.KeepDim)),
        Row("std", "StdBackward0", Moments(std: true), (r, xs) => Std.Apply(xs[0], r.Dim, r.Correction, r.KeepDim)),
        // x̄ = ȳ ⊙ exp(x − y), along every dim; logits up to ±30, where exp without the shift by the max would be large.
        Row("logsumexp", "LogsumexpBackward0",
            from c in Generators.UnaryCases(-30, 30)
            from dim in Generators.Dims(c.Inputs[0].Shape)
            from keepDim in Gen.Elements(false, true)
            select (c, (Dim: dim, KeepDim: keepDim)),
            (r, xs) => LogSumExp.Apply(xs[0], r.Dim, r.KeepDim)),
        // Linear: x̄ = the running sums of ȳ from the end back.
        Row("cumsum", "CumsumBackward0", Dims, (dim, xs) => Cumsum.Apply(xs[0], dim)),
        Row("cumsum_from_the_end", "FlipBackward0", Dims, (dim, xs) => Cumsum.FromTheEnd(xs[0], dim)),
    ];

    /// <summary>One input of distinct values (see <see cref="Distinct"/>) with a dim to reduce and keepDim.</summary>
    static Gen<(Case Case, (int Dim, bool KeepDim) Constants)> DistinctReductions =>
        from shape in Generators.Shapes()
        from x in Distinct(shape)
        from dim in Generators.Dims(shape)
        from keepDim in Gen.Elements(false, true)
        from seed in Generators.Seeds
        select (new Case([x], seed), (dim, keepDim));

    /// <summary>A set of dims (possibly empty: all of them), each named as itself or counted from the end, and keepDim.</summary>
    static Gen<(Case Case, (DimList Dims, bool KeepDim) Constants)> DimSets =>
        from c in Generators.UnaryCases()
        let rank = c.Inputs[0].Shape.Rank
        from chosen in Gen.ArrayOf(Gen.Elements(false, true), Math.Max(rank, 1))
        from negative in Gen.ArrayOf(Gen.Elements(false, true), Math.Max(rank, 1))
        from keepDim in Gen.Elements(false, true)
        select (c, (new DimList(Enumerable.Range(0, chosen.Length).Where(d => chosen[d])
                                       .Select(d => negative[d] ? d - Math.Max(rank, 1) : d).Reverse().ToArray()), keepDim));

    /// <summary>Values in [−2, 2] with one to three of them exactly 0, a dim and keepDim.</summary>
    static Gen<(Case Case, (int Dim, bool KeepDim) Constants)> WithZeros =>
        from shape in Generators.Shapes(1, 3)
        from x in Generators.Samples(shape)
        from zeros in Gen.ArrayOf(Gen.Choose(0, shape.Numel - 1), 3)
        from count in Gen.Choose(1, 3)
        from dim in Generators.Dims(shape)
        from keepDim in Gen.Elements(false, true)
        from seed in Generators.Seeds
        select (new Case([x with { Values = x.Values.Select((v, i) => zeros.Take(count).Contains(i) ? 0 : v).ToArray() }], seed), (dim, keepDim));

    /// <summary>A p, a sample fit for it, a dim and keepDim.</summary>
    static Gen<(Case Case, (double P, int Dim, bool KeepDim) Constants)> Norms =>
        from p in Gen.Elements(0.0, 1.0, 2.0, 3.0, 0.5, 1.5, -1.0, double.PositiveInfinity, double.NegativeInfinity)
        from shape in Generators.Shapes()
        from x in double.IsInfinity(p) ? DistinctMagnitudes(shape) : Generators.SignedSamples(shape, 0.1, 2)
        from dim in Generators.Dims(shape)
        from keepDim in Gen.Elements(false, true)
        from seed in Generators.Seeds
        select (new Case([x], seed), (p, dim, keepDim));

    /// <summary>Magnitudes 0.5 + k/numel (k = 0..numel−1, shuffled) with random signs: no two |x| tie.</summary>
    static Gen<Sample> DistinctMagnitudes(Shape shape) =>
        Generators.Seeds.Select(seed =>
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, shape.Numel).Select(k => (0.5 + (double)k / shape.Numel) * (random.Next(2) == 0 ? -1 : 1)).ToArray();
            random.Shuffle(values);
            return new Sample(shape, values);
        });

    /// <summary>A sample with a dim (or none: every element), a correction below the count reduced, and keepDim.</summary>
    static Gen<(Case Case, (int? Dim, int Correction, bool KeepDim) Constants)> Moments(bool std) =>
        from c in Generators.UnaryCases()
        let shape = c.Inputs[0].Shape
        from all in Gen.Elements(false, true)
        from dim in Generators.Dims(shape)
        let n = all ? shape.Numel : shape.Rank == 0 ? 1 : shape[dim < 0 ? dim + shape.Rank : dim]
        where n >= (std ? 2 : 1)
        from correction in Gen.Choose(0, Math.Min(2, n - 1))
        from keepDim in Gen.Elements(false, true)
        select (c, (all ? (int?)null : dim, correction, keepDim));

    /// <summary>Dims to reduce, printed in full.</summary>
    internal sealed record DimList(int[] Values)
    {
        public override string ToString() => $"dims [{string.Join(", ", Values)}]";
    }
}
