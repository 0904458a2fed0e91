namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

/// <summary>
/// Cross-entropy, NllLoss of LogSoftmax along the class dim: x̄ = ȳ·(softmax(x) − onehot(t))/N, for logits [N, C] or
/// [C]. The Int64 targets are constants closed over.
/// </summary>
public sealed class CrossEntropyVjp
{
    [Property]
    public Property Matches_central_differences() =>
        Prop.ForAll(ClassTargets.Cases(-4, 4).ToArbitrary(), t =>
            Gradcheck.Verify(xs => CrossEntropy.Apply(xs[0], t.Targets.Constant()), t.Case));
}
