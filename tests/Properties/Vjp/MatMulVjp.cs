namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// torch.matmul has no rule of its own: its gradients, through dot, mv, mm or bmm with reshapes and broadcast
/// batch dimensions, match central differences for operands of rank 1 to 4.
/// </summary>
public sealed class MatMulVjp
{
    // Each operand is a vector [k] or a stack of matrices [...batch, m, k] / [...batch, k, n], batches broadcasting.
    static readonly Gen<Case> Cases =
        from batch in Generators.Shapes(0, 2)
        from batchA in Generators.BroadcastingTo(batch)
        from batchB in Generators.BroadcastingTo(batch)
        from m in Gen.Choose(1, 3)
        from k in Gen.Choose(1, 3)
        from n in Gen.Choose(1, 3)
        from vectorA in Gen.Elements(false, true)
        from vectorB in Gen.Elements(false, true)
        from a in Generators.Samples(vectorA ? Shape.Of(k) : Shape.Of([.. batchA.ToArray(), m, k]))
        from b in Generators.Samples(vectorB ? Shape.Of(k) : Shape.Of([.. batchB.ToArray(), k, n]))
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    [Property]
    public Property Matches_central_differences_for_every_rank_and_broadcast_batch() =>
        Prop.ForAll(Cases.ToArbitrary(), c => Gradcheck.Verify(xs => MatMul.Apply(xs[0], xs[1]), c));
}
