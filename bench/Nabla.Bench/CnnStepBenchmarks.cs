using BenchmarkDotNet.Attributes;
using LanguageExt;
using Nabla.Core;
using static LanguageExt.Prelude;

namespace Nabla.Bench;

/// <summary>
/// One training step of the digits CNN through the functional core (batch 32 of 1×8×8 Float32 images; conv 1→16 3×3
/// padding 1, ReLU, max-pool 2, conv 16→32 3×3 padding 1, ReLU, max-pool 2, linear 128→10, log-softmax, NLL): the
/// forward pass and the gradients of all six parameters. bench/torch/cnn_step.py is its PyTorch 1.13 twin.
/// </summary>
[MemoryDiagnoser]
public class CnnStepBenchmarks
{
    Expr x = null!, target = null!, w1 = null!, b1 = null!, w2 = null!, b2 = null!, w3 = null!, b3 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        NdArray Uniform(params int[] dims)
        {
            var shape = Shape.Of(dims);
            return NdArray.From(Enumerable.Range(0, shape.Numel).Select(_ => (float)(random.NextDouble() * 0.4 - 0.2)).ToArray(), shape);
        }
        x = Expr.Constant(Uniform(32, 1, 8, 8));
        // NLL of the mean over the batch as a weighted sum of log-probabilities: −1/32 at each item's class.
        var weights = new float[32 * 10];
        for (var i = 0; i < 32; i++) weights[i * 10 + i % 10] = -1f / 32;
        target = Expr.Constant(NdArray.From(weights, Shape.Of(32, 10)));
        (w1, b1, w2, b2, w3, b3) = (Expr.Leaf(Uniform(16, 1, 3, 3)), Expr.Leaf(Uniform(16)), Expr.Leaf(Uniform(32, 16, 3, 3)),
                                    Expr.Leaf(Uniform(32)), Expr.Leaf(Uniform(10, 128)), Expr.Leaf(Uniform(10)));
    }

    Reader<GradEnv, Expr> Loss() =>
        from c1 in Convolution.Apply(x, w1, b1, padding: 1)
        from r1 in Relu.Apply(c1)
        from p1 in MaxPool2d.Apply(r1, 2)
        from c2 in Convolution.Apply(p1, w2, b2, padding: 1)
        from r2 in Relu.Apply(c2)
        from p2 in MaxPool2d.Apply(r2, 2)
        from flat in Reshape.Apply(p2, Shape.Of(32, 128))
        from logits in Linear.Apply(flat, w3, b3)
        from logProbabilities in LogSoftmax.Apply(logits, 1)
        from picked in Mul.Apply(logProbabilities, target)
        from loss in Sum.Apply(picked)
        select loss;

    [Benchmark]
    public int TrainStep()
    {
        var loss = Loss().Run(GradEnv.Default).Unwrap();
        return Backprop.Gradients(Seq1((loss, Expr.Scalar(1, Nabla.Core.DType.Float32))), BackwardOptions.Default).Run(GradEnv.Default).Unwrap().Count;
    }

    [Benchmark]
    public Expr ForwardNoGrad() => GradEnv.WithNoGrad(Loss()).Run(GradEnv.Default).Unwrap();
}
