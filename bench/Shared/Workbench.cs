using Nabla.NN;

namespace Nabla.Bench;

/// <summary>The workloads bench/Nabla.Bench profiles and bench/compare times against PyTorch, defined once.</summary>
internal static class Workbench
{
    /// <summary>Steps of the op chain; each is three ops.</summary>
    public const int ChainSteps = 1000, ChainOps = 3;

    /// <summary>y = tanh(y · 1.0001 + 0.001) 1,000 times from a scalar leaf, then backward; returns x's gradient.</summary>
    public static double Chain()
    {
        var x = Tensor.Scalar(0.5, requiresGrad: true);
        var y = x;
        for (var i = 0; i < ChainSteps; i++) y = (y * 1.0001 + 0.001).Tanh();
        y.Backward();
        return x.Grad!.Item();
    }

    /// <summary>The training batch and the inference batch of the MLP.</summary>
    public const int Batch = 128, InferBatch = 1024;

    /// <summary>Linear 784-512-512-10 with ReLU, Float32, seeded.</summary>
    public static Sequential Mlp() => new(new NN.Linear(784, 512, seed: 1), new ReLU(), new NN.Linear(512, 512, seed: 2), new ReLU(),
                                          new NN.Linear(512, 10, seed: 3));

    /// <summary>The forward's three products (x·Wᵀ) at a batch size.</summary>
    public static Gemm[] ForwardGemms(int batch) =>
        [new(batch, 512, 784, false, true), new(batch, 512, 512, false, true), new(batch, 10, 512, false, true)];

    /// <summary>
    /// Backward's five products at batch 128: each layer's weight gradient (Gᵀ·X) and the input gradients of layers 3
    /// and 2 (G·W; layer 1's input needs none).
    /// </summary>
    public static readonly Gemm[] BackwardGemms =
    [
        new(10, 512, Batch, true, false), new(Batch, 512, 10, false, false),
        new(512, 512, Batch, true, false), new(Batch, 512, 512, false, false),
        new(512, 784, Batch, true, false),
    ];

    /// <summary>The eight products of one training step.</summary>
    public static readonly Gemm[] StepGemms = [.. ForwardGemms(Batch), .. BackwardGemms];
}
