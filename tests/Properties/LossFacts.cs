namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>
/// The losses on small fixed Float32 inputs against PyTorch 1.13: values, gradients, grad_fn names, the large-logit
/// cases and the errors. The numbers come from bench/torch/loss_reference.py (run with /usr/bin/python3), whose output
/// is quoted above each check; a Float32 value agrees to 1e-6 relative (a few ulps, as summation orders differ).
/// </summary>
public sealed class LossFacts
{
    // ---------------------------------------------------------------------------------------------------------------
    // nll_loss

    static readonly float[] LogProbs =
        [-1.2f, -0.5f, -2.3f, -0.1f, -3.0f, -0.7f, -1.9f, -0.4f, -2.2f, -1.1f, -2.5f, -0.3f, -1.6f, -0.9f, -0.05f];

    [Fact]
    public void NllLoss_of_3_rows_picks_and_averages_the_target_log_probabilities()
    {
        // nll_loss [3,5] targets [1,0,4]: 0.4166666567325592 torch.float32 NllLossBackward0
        //   grad 0: [[0.0, -0.3333333432674408, 0.0, 0.0, 0.0], [-0.3333333432674408, 0.0, 0.0, 0.0, 0.0],
        //            [0.0, 0.0, 0.0, 0.0, -0.3333333432674408]] torch.float32
        var x = Leaf(LogProbs, 3, 5);
        var (y, grads) = Run(xs => NllLoss.Apply(xs[0], Classes(1, 0, 4)), x);
        Close([0.4166666567325592], y, "NllLossBackward0");
        Close([0, -0.3333333432674408, 0, 0, 0, -0.3333333432674408, 0, 0, 0, 0, 0, 0, 0, 0, -0.3333333432674408], grads[0]);
    }

    [Fact]
    public void NllLoss_of_one_unbatched_row_takes_a_0_dim_target()
    {
        // nll_loss [5] target 3: 0.10000000149011612 torch.float32 NllLossBackward0
        //   grad 0: [0.0, 0.0, 0.0, -1.0, 0.0] torch.float32
        var x = Leaf(LogProbs[..5], 5);
        var (y, grads) = Run(xs => NllLoss.Apply(xs[0], Expr.Constant(NdArray.From([3L], Shape.Scalar))), x);
        Close([0.10000000149011612], y, "NllLossBackward0");
        Close([0, 0, 0, -1, 0], grads[0]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // cross_entropy

    static readonly float[] Logits = [0.2f, -1.3f, 0.8f, 2.1f, -0.4f, 1.5f, 0.3f, -0.7f, 0.0f, 2.2f, -1.1f, 0.6f, 0.9f, -2.0f, 0.4f];

    [Fact]
    public void CrossEntropy_of_3_rows_is_nll_loss_of_log_softmax()
    {
        // cross_entropy [3,5] targets [3,0,2]: 0.8852923512458801 torch.float32 NllLossBackward0
        //   grad 0: [[0.032425571233034134, 0.007235122844576836, 0.0590832345187664, -0.11653944104909897, 0.01779552921652794],
        //            [-0.2419811189174652, 0.027514755725860596, 0.010122113861143589, 0.02038343995809555, 0.18396079540252686],
        //            [0.01777658239006996, 0.09730808436870575, -0.20198118686676025, 0.007227418478578329, 0.07966911047697067]]
        var x = Leaf(Logits, 3, 5);
        var (y, grads) = Run(xs => CrossEntropy.Apply(xs[0], Classes(3, 0, 2)), x);
        Close([0.8852923512458801], y, "NllLossBackward0");
        Close(
            [
                0.032425571233034134, 0.007235122844576836, 0.0590832345187664, -0.11653944104909897, 0.01779552921652794,
                -0.2419811189174652, 0.027514755725860596, 0.010122113861143589, 0.02038343995809555, 0.18396079540252686,
                0.01777658239006996, 0.09730808436870575, -0.20198118686676025, 0.007227418478578329, 0.07966911047697067,
            ], grads[0]);
        Assert.Equal("LogSoftmaxBackward0", Assert.Single(((OpNode)y.Node!).Inputs)!.Name);
    }

    [Fact]
    public void CrossEntropy_of_one_unbatched_row_normalizes_along_dim_0()
    {
        // cross_entropy [5] target 4: 0.594420313835144 torch.float32 NllLossBackward0
        //   grad 0: [0.27405667304992676, 0.08254426717758179, 0.030366340652108192, 0.06115031614899635, -0.44811761379241943]
        var x = Leaf(Logits[5..10], 5);
        var (y, grads) = Run(xs => CrossEntropy.Apply(xs[0], Expr.Constant(NdArray.From([4L], Shape.Scalar))), x);
        Close([0.594420313835144], y, "NllLossBackward0");
        Close([0.27405667304992676, 0.08254426717758179, 0.030366340652108192, 0.06115031614899635, -0.44811761379241943], grads[0]);
    }

    [Fact]
    public void CrossEntropy_of_logits_of_1000_stays_finite()
    {
        // x = [[1000, 0, -1000], [0, 1000, 1000], [-1000, 1000, 0]], targets [0, 2, 0]
        // cross_entropy large logits targets [0,2,0]: 666.897705078125 torch.float32 NllLossBackward0
        //   grad 0: [[0.0, 0.0, 0.0], [0.0, 0.1666666716337204, -0.1666666716337204],
        //            [-0.3333333432674408, 0.3333333432674408, 0.0]] torch.float32
        var x = Leaf([1000, 0, -1000, 0, 1000, 1000, -1000, 1000, 0], 3, 3);
        var (y, grads) = Run(xs => CrossEntropy.Apply(xs[0], Classes(0, 2, 0)), x);
        Close([666.897705078125], y, "NllLossBackward0");
        Close([0, 0, 0, 0, 0.1666666716337204, -0.1666666716337204, -0.3333333432674408, 0.3333333432674408, 0], grads[0]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // mse_loss

    [Fact]
    public void MseLoss_averages_squared_errors_and_both_inputs_get_gradients()
    {
        // x = [[0.5, -1.0, 2.0], [1.5, 0.0, -0.25]], t = [[1.0, -0.5, 1.0], [0.0, 0.5, 0.75]], both requiring grad
        // mse_loss [2,3]: 0.8333333134651184 torch.float32 MseLossBackward0
        //   grad 0: [[-0.1666666716337204, -0.1666666716337204, 0.3333333432674408], [0.5, -0.1666666716337204, -0.3333333432674408]]
        //   grad 1: [[0.1666666716337204, 0.1666666716337204, -0.3333333432674408], [-0.5, 0.1666666716337204, 0.3333333432674408]]
        var x = Leaf([0.5f, -1.0f, 2.0f, 1.5f, 0.0f, -0.25f], 2, 3);
        var t = Leaf([1.0f, -0.5f, 1.0f, 0.0f, 0.5f, 0.75f], 2, 3);
        var (y, grads) = Run(xs => MseLoss.Apply(xs[0], xs[1]), x, t);
        Close([0.8333333134651184], y, "MseLossBackward0");
        Close([-0.1666666716337204, -0.1666666716337204, 0.3333333432674408, 0.5, -0.1666666716337204, -0.3333333432674408], grads[0]);
        Close([0.1666666716337204, 0.1666666716337204, -0.3333333432674408, -0.5, 0.1666666716337204, 0.3333333432674408], grads[1]);
        Assert.Equal(new[] { "AccumulateGrad", "AccumulateGrad" }, ((OpNode)y.Node!).Inputs.Select(n => n!.Name));
    }

    [Fact]
    public void MseLoss_of_float32_and_float64_is_float64_and_each_gradient_keeps_its_input_dtype()
    {
        // x = [0.5, -1.0, 2.0] float32, t = [1.0, -0.5, 1.0] float64, both requiring grad
        // mse_loss float32 input, float64 target: 0.5 torch.float64
        //   its backward: RuntimeError: Found dtype Double but expected Float
        // PyTorch 1.13's backward fails; Nabla casts each gradient to its input's dtype, here ±2(x − t)/3.
        var x = Leaf([0.5f, -1.0f, 2.0f], 3);
        var t = Expr.Leaf(NdArray.From([1.0, -0.5, 1.0], Shape.Of(3), DType.Float64));
        var y = Autodiff.Eval(MseLoss.Apply(x, t));
        Assert.Equal(DType.Float64, y.DType);
        Approx.Relative(0.5, y.Value[0], 4 * Approx.Eps64); // (0.25 + 0.25 + 1) / 3, each step exact or one rounding
        var grads = Autodiff.Gradients(y, Autodiff.Ones(y));
        Assert.Equal(DType.Float32, grads.GradOf(x).DType);
        Assert.Equal(DType.Float64, grads.GradOf(t).DType);
        Close([-1 / 3.0, -1 / 3.0, 2 / 3.0], grads.GradOf(x));
        Assert.Equal(new[] { 1 / 3.0, 1 / 3.0, -2 / 3.0 }, grads.GradOf(t).Value.ToDoubles());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // binary_cross_entropy_with_logits

    [Fact]
    public void BinaryCrossEntropyWithLogits_with_soft_targets_and_both_gradients()
    {
        // x = [[0.3, -1.2, 2.5], [0.0, -0.7, 4.0]], t = [[1.0, 0.0, 1.0], [0.5, 0.2, 0.0]], both requiring grad
        // bce_with_logits [2,3]: 1.0251684188842773 torch.float32 BinaryCrossEntropyWithLogitsBackward0
        //   grad 0: [[-0.0709262490272522, 0.03857920318841934, -0.012643028981983662], [0.0, 0.02196870557963848, 0.16366896033287048]]
        //   grad 1: [[-0.05000000074505806, 0.20000000298023224, -0.4166666567325592], [-0.0, 0.11666666716337204, -0.6666666865348816]]
        var x = Leaf([0.3f, -1.2f, 2.5f, 0.0f, -0.7f, 4.0f], 2, 3);
        var t = Leaf([1.0f, 0.0f, 1.0f, 0.5f, 0.2f, 0.0f], 2, 3);
        var (y, grads) = Run(xs => BinaryCrossEntropyWithLogits.Apply(xs[0], xs[1]), x, t);
        Close([1.0251684188842773], y, "BinaryCrossEntropyWithLogitsBackward0");
        Close([-0.0709262490272522, 0.03857920318841934, -0.012643028981983662, 0.0, 0.02196870557963848, 0.16366896033287048], grads[0]);
        Close([-0.05000000074505806, 0.20000000298023224, -0.4166666567325592, -0.0, 0.11666666716337204, -0.6666666865348816], grads[1]);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_of_logits_of_magnitude_1000_stays_finite()
    {
        // x = [1000, -1000, 1000, -1000], t = [1, 0, 0, 1], both requiring grad
        // bce_with_logits |x| = 1000: 500.0 torch.float32 BinaryCrossEntropyWithLogitsBackward0
        //   grad 0: [0.0, 0.0, 0.25, -0.25] torch.float32
        //   grad 1: [-250.0, 250.0, -250.0, 250.0] torch.float32
        var x = Leaf([1000, -1000, 1000, -1000], 4);
        var t = Leaf([1, 0, 0, 1], 4);
        var (y, grads) = Run(xs => BinaryCrossEntropyWithLogits.Apply(xs[0], xs[1]), x, t);
        Close([500], y, "BinaryCrossEntropyWithLogitsBackward0");
        Close([0, 0, 0.25, -0.25], grads[0]);
        Close([-250, 250, -250, 250], grads[1]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Errors

    static Expr Zeros(params int[] shape) => Expr.Constant(NdArray.Full(Shape.Of(shape), 0, DType.Float32));

    [Fact]
    public void NllLoss_refuses_float_targets()
    {
        // nll_loss float targets: RuntimeError: expected scalar type Long but found Float
        var targets = Expr.Constant(NdArray.From([0f, 1f, 2f], Shape.Of(3)));
        Raises<ArgumentException>(() => NllLoss.Apply(Zeros(3, 4), targets), "expected scalar type Long but found Float");
    }

    [Fact]
    public void NllLoss_and_CrossEntropy_refuse_a_target_out_of_range()
    {
        // nll_loss target 10 of 4 classes: IndexError: Target 10 is out of bounds.
        // cross_entropy target 10 of 4 classes: IndexError: Target 10 is out of bounds.
        Raises<ArgumentOutOfRangeException>(() => NllLoss.Apply(Zeros(3, 4), Classes(0, 1, 10)), "Target 10 is out of bounds.");
        Raises<ArgumentOutOfRangeException>(() => CrossEntropy.Apply(Zeros(3, 4), Classes(0, 1, 10)), "Target 10 is out of bounds.");
        Raises<ArgumentOutOfRangeException>(() => NllLoss.Apply(Zeros(3, 4), Classes(0, -1, 2)), "Target -1 is out of bounds.");
    }

    [Fact]
    public void NllLoss_refuses_a_batch_size_mismatch()
    {
        // nll_loss 3 rows, 2 targets: ValueError: Expected input batch_size (3) to match target batch_size (2).
        Raises<ArgumentException>(() => NllLoss.Apply(Zeros(3, 4), Classes(0, 1)), "Expected input batch_size (3) to match target batch_size (2).");
        Raises<ArgumentException>(() => CrossEntropy.Apply(Zeros(3, 4), Classes(0, 1)), "Expected input batch_size (3) to match target batch_size (2).");
    }

    [Fact]
    public void NllLoss_refuses_an_unbatched_input_with_a_1_dim_target_and_a_0_dim_input()
    {
        // nll_loss [4] with target [1]: RuntimeError: size mismatch (got input: [4], target: [1])
        // nll_loss 0-dim input: ValueError: Expected 1 or more dimensions (got 0)
        Raises<ArgumentException>(() => NllLoss.Apply(Zeros(4), Classes(1)), "size mismatch (got input: [4], target: [1])");
        Raises<ArgumentException>(() => NllLoss.Apply(Zeros(), Expr.Constant(NdArray.From([0L], Shape.Scalar))), "Expected 1 or more dimensions (got 0)");
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_refuses_different_sizes()
    {
        // bce_with_logits [3] and [2]: ValueError: Target size (torch.Size([2])) must be the same as input size (torch.Size([3]))
        Raises<ArgumentException>(() => BinaryCrossEntropyWithLogits.Apply(Zeros(3), Zeros(2)), "Target size ([2]) must be the same as input size ([3])");
    }

    [Fact]
    public void MseLoss_refuses_different_shapes_that_PyTorch_would_broadcast()
    {
        // mse_loss [3] and [2]: RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0
        // mse_loss [3,1] and [3] (broadcasts): no error, with
        //   warning: Using a target size (torch.Size([3])) that is different to the input size (torch.Size([3, 1])). This will
        //   likely lead to incorrect results due to broadcasting. Please ensure they have the same size.
        var e = Raises<ArgumentException>(() => MseLoss.Apply(Zeros(3), Zeros(2)), "mse_loss");
        Assert.Contains("[3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2]", e.Message, StringComparison.Ordinal);
        e = Raises<ArgumentException>(() => MseLoss.Apply(Zeros(3, 1), Zeros(3)), "mse_loss");
        Assert.Contains("[3, 1]", e.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    static Expr Leaf(float[] values, params int[] shape) => Expr.Leaf(NdArray.From(values, Shape.Of(shape)));

    static Expr Classes(params long[] targets) => Expr.Constant(NdArray.From(targets, Shape.Of(targets.Length)));

    /// <summary>The loss of the leaves and each leaf's gradient, backward seeded with one.</summary>
    static (Expr Y, Expr[] Grads) Run(Func<Expr[], Reader<GradEnv, Expr>> loss, params Expr[] leaves)
    {
        var y = Autodiff.Eval(loss(leaves));
        var grads = Autodiff.Gradients(y, Autodiff.Ones(y));
        return (y, leaves.Select(x => grads.GradOf(x)).ToArray());
    }

    /// <summary>A 0-dim Float32 loss equal to PyTorch's within 1e-6 relative, with PyTorch's grad_fn name.</summary>
    static void Close(double[] expected, Expr actual, string gradFn)
    {
        Assert.Equal(Shape.Scalar, actual.Shape);
        Assert.Equal(gradFn, actual.Node!.Name);
        Close(expected, actual);
    }

    /// <summary>A Float32 tensor equal to PyTorch's values within 1e-6 relative (absolute below 1).</summary>
    static void Close(double[] expected, Expr actual)
    {
        Assert.Equal(DType.Float32, actual.DType);
        var values = actual.Value.ToDoubles();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: PyTorch gives {expected[i]:R}, Nabla {values[i]:R}");
    }

    /// <summary>Evaluating <paramref name="f"/> throws <typeparamref name="E"/> whose message contains <paramref name="message"/>.</summary>
    static E Raises<E>(Func<Reader<GradEnv, Expr>> f, string message) where E : Exception
    {
        var e = Assert.Throws<E>(() => Autodiff.Eval(f()));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        return e;
    }
}
