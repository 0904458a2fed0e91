// These tests keep the README's examples true: each [Fact] below is one ```csharp block of the "A short tour"
// section of README.md, with the same statements in the same order, and each `Console.WriteLine(v); // shown`
// turned into an assertion that the printed text is what the README comment shows. When a README block changes,
// its test changes with it; a C# block added anywhere in the README without a test makes Every_tour_block_has_a_test fail.

using System.Text.RegularExpressions;

namespace Nabla.Examples;

public partial class ReadmeTests
{
    /// <summary>The number of ```csharp blocks in README.md, one [Fact] each in this class (this file and ReadmeCore/ModelTests.cs).</summary>
    const int TourBlockCount = 13;

    [Fact]
    public void Int64_types_exact_values_and_shape_limits()
    {
        // README.md: "Int64 tensors keep PyTorch's integer types and exact values: ..."
        var counts = Tensor.From([1L, 2L, 3L]);
        Assert.Equal("tensor([3, 5, 7])", (counts * 2 + 1).ToString());
        Assert.Equal("tensor([0.5000, 1.0000, 1.5000])", (counts / 2).ToString());
        Assert.Equal("tensor([1, 4, 9])", counts.Pow(Tensor.From([2L, 2L, 2L])).ToString());

        var big = Tensor.From([9007199254740993L]);
        Assert.Equal("tensor([9007199254740993])", big.ToString());
        Assert.Equal("9007199254740993", big.ToInt64Array()[0].ToString());
        Assert.Equal("tensor([[9007199254740994]])",
                     Tensor.From([big.ToInt64Array()[0], 1], [1, 2]).MatMul(Tensor.From([1L, 1], [2, 1])).ToString());
        Assert.Equal("tensor([4052555153018976267])", Tensor.From([3L]).Pow(39).ToString());
        Assert.Equal("tensor([-9223372036854775808])", (Tensor.From([long.MaxValue]) + 1).ToString());

        var message = "";
        try { Tensor.Eye(65536); }
        catch (ArgumentException e) { message = e.Message; }
        Assert.Equal("shape [65536, 65536] has 4294967296 elements, more than a tensor can hold (2147483591)", message);
        Assert.Equal("tensor(0.)", Tensor.Zeros([0, 1 << 20, 1 << 20]).Sum().ToString());
    }

    [Fact]
    public void Backward_and_Grad_of_tensors_that_require_grad()
    {
        // README.md: "Tensors that require grad, `Backward()` and `Grad` (`x.grad`). A result's `GradFn` names ..."
        // (the block's `using Nabla;` is this file's namespace, Nabla.Examples)
        var x = Tensor.Scalar(2.0, requiresGrad: true);
        var y = Tensor.Scalar(3.0, requiresGrad: true);
        var z = Tensor.Scalar(4.0, requiresGrad: true);
        var f = x.Pow(2) + y.Pow(2) + z.Pow(2);
        f.Backward();
        Assert.Equal("tensor(4.) tensor(6.) tensor(8.) tensor(29., grad_fn=<AddBackward0>)", $"{x.Grad} {y.Grad} {z.Grad} {f}");

        // The paragraph before the block: `f.GradFn.Name` is `AddBackward0`, and `f.GradFn.NextFunctions` is
        // `[AddBackward0, PowBackward0]`.
        Assert.Equal("AddBackward0", f.GradFn!.Name);
        Assert.Equal(["AddBackward0", "PowBackward0"], f.GradFn.NextFunctions);

        // Grad is null (Python's None) until a backward reaches the tensor; it accumulates across backward calls.
        var parameters = Tensor.From([1.0, 0.0], requiresGrad: true);
        Assert.Equal("tensor([1., 0.], requires_grad=True)", parameters.ToString());
        Assert.Equal("True", (parameters.Grad is null).ToString());
        var loss = (parameters * parameters).Sum() + 1;
        loss.Backward(retainGraph: true);
        loss.Backward();
        Assert.Equal("tensor([4., 0.])", parameters.Grad?.ToString());
    }

    [Fact]
    public void NoGrad_as_a_scope_and_as_a_wrapper()
    {
        // README.md: "`NoGrad` as a scope (`with torch.no_grad():`) and as a wrapper (`@torch.no_grad()`)"
        var x = Tensor.From([1.0], requiresGrad: true);

        Tensor y;
        using (Autograd.NoGrad())
            y = x * 2;
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.Equal("False", y.RequiresGrad.ToString());
        Assert.Equal("True", Autograd.IsGradEnabled.ToString());

        var doubler = Autograd.NoGrad((Tensor t) => t * 2);
        Assert.Equal("False", doubler(x).RequiresGrad.ToString());
    }

    [Fact]
    public void EnableGrad_inside_NoGrad_as_a_scope_and_as_a_wrapper()
    {
        // README.md: "`EnableGrad` inside `NoGrad`, as a scope and as a wrapper"
        var x = Tensor.From([1.0], requiresGrad: true);

        Tensor y;
        using (Autograd.NoGrad())
        using (Autograd.EnableGrad())
            y = x * 2;
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());
        y.Backward();
        Assert.Equal("tensor([2.])", x.Grad?.ToString());

        var doubler = Autograd.EnableGrad((Tensor t) => t * 2);
        using (Autograd.NoGrad())
            Assert.Equal("True", doubler(x).RequiresGrad.ToString());
    }

    [Fact]
    public void SetGradEnabled_as_a_scope_and_as_a_plain_call_closest_scope_wins()
    {
        // README.md: "`SetGradEnabled` as a scope and as a plain call. Every scope saves the mode on entry ..."
        // Not in the README: the plain calls below last until the enclosing scope ends, so this scope puts back
        // the mode the test started with.
        using var restore = Autograd.SetGradEnabled(true);

        var x = Tensor.From([1.0], requiresGrad: true);

        var isTrain = false;
        using (Autograd.SetGradEnabled(isTrain))
            Assert.Equal("False", (x * 2).RequiresGrad.ToString());

        Autograd.SetGradEnabled(false);
        Assert.Equal("False", (x * 2).RequiresGrad.ToString());
        Autograd.SetGradEnabled(true);
        Assert.Equal("True", (x * 2).RequiresGrad.ToString());

        using (Autograd.EnableGrad())
        {
            Autograd.SetGradEnabled(false);
            Assert.Equal("False", (x * 2).RequiresGrad.ToString());
        }
        // EnableGrad put back the mode it saw on entry.
        Assert.Equal("True", Autograd.IsGradEnabled.ToString());

        Autograd.SetGradEnabled(true);
        using (Autograd.NoGrad())
            Assert.Equal("False", (x * 2).RequiresGrad.ToString());
    }

    [Fact]
    public void InferenceMode_turns_grad_off_and_makes_inference_tensors()
    {
        // README.md: "`InferenceMode`, for evaluation: grad off, results are plain tensors, both flags restored after"
        var x = Tensor.From([1.0], requiresGrad: true);

        Tensor y;
        using (Autograd.InferenceMode())
        {
            y = x * 2;
            Assert.Equal("True False", $"{Autograd.IsInferenceModeEnabled} {Autograd.IsGradEnabled}");
        }
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.Equal("False True", $"{Autograd.IsInferenceModeEnabled} {Autograd.IsGradEnabled}");

        // As in PyTorch, tensors made in inference mode are inference tensors: they may flow into later graphs
        // (x + y is fine) but a recorded op may not save them for backward (x * y throws); clone them first.
        Assert.Equal("True", y.IsInference.ToString());
        Assert.Equal("<MulBackward0>", (x * y.Clone()).GradFn?.ToString());
    }

    [Fact]
    public void Detach_makes_a_leaf_without_history_and_RequiresGrad_false_freezes_a_leaf()
    {
        // README.md: "`Detach` gives the same values as a new leaf with no history, so no gradient flows through it ..."
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var c = (x * 3).Detach();
        Assert.Equal("tensor([3., 6.])", c.ToString());
        Assert.Equal("True False", $"{c.IsLeaf} {c.RequiresGrad}");

        (x * c).Sum().Backward();
        Assert.Equal("tensor([3., 6.])", x.Grad?.ToString());

        var frozen = Tensor.From([1.0, 2.0], requiresGrad: true);
        frozen.RequiresGrad = false;
        Assert.Equal("False", (frozen * 2).RequiresGrad.ToString());
    }

    [Fact]
    public void Autograd_Grad_with_createGraph_gives_second_derivatives()
    {
        // README.md: "`Autograd.Grad` (`torch.autograd.grad`) returns gradients instead of accumulating them into `Grad` ..."
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var y = x.Pow(3);

        // dy/dx = 3x² = 27, recorded so it can be differentiated again
        var dydx = Autograd.Grad([y], [x], createGraph: true)[0]!;
        Assert.Equal("tensor(27., grad_fn=<MulBackward0>)", dydx.ToString());

        // d²y/dx² = 6x = 18
        var d2ydx2 = Autograd.Grad([dydx], [x])[0]!;
        Assert.Equal("tensor(18.)", d2ydx2.ToString());

        // Autograd.Grad leaves x.Grad alone.
        Assert.Equal("True", (x.Grad is null).ToString());
    }

    [Fact]
    public void Matrix_products_reductions_and_dtypes()
    {
        // README.md: "Matrix products, reductions and dtypes (Float32 is the default; others are shown in the repr)"
        var w = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true, dtype: DType.Float64);
        var input = Tensor.From(new double[,] { { 0.5, -1 }, { 2, 0.25 } }, dtype: DType.Float64);
        var loss = input.MatMul(w).Mean();
        Assert.Equal("tensor(0.5625, dtype=float64, grad_fn=<MeanBackward0>)", loss.ToString());
        loss.Backward();
        Assert.Equal(
            "tensor([[ 0.6250,  0.6250],\n" +
            "        [-0.1875, -0.1875]], dtype=float64)",
            w.Grad?.ToString());
    }

    [Fact]
    public void Activations_reductions_along_a_dimension_and_batched_products()
    {
        // README.md: "Activations, reductions along a dimension and batched products, each with PyTorch's `grad_fn`"
        var logits = Tensor.From(new double[,] { { 2, 1, 0.1 }, { 0.5, 2.5, 0.3 } }, requiresGrad: true);
        var probs = logits.Softmax(1);
        Assert.Equal(
            "tensor([[0.6590, 0.2424, 0.0986],\n" +
            "        [0.1086, 0.8025, 0.0889]], grad_fn=<SoftmaxBackward0>)",
            probs.ToString());
        Assert.Equal("tensor([0, 1])", logits.ArgMax(1).ToString());
        var nll = -logits.LogSoftmax(1)[0].Max();
        Assert.Equal("tensor(0.4170, grad_fn=<NegBackward0>)", nll.ToString());

        var batch = Tensor.Randn([4, 2, 3], seed: 0);
        var w = Tensor.Randn([3, 5], seed: 1, requiresGrad: true);
        var h = batch.MatMul(w).Relu();                // [4, 2, 3] x [3, 5] -> [4, 2, 5]
        Assert.Equal("4, 2, 5", string.Join(", ", h.Shape));
        h.Sum().Backward();
        Assert.Equal("3, 5", string.Join(", ", w.Grad!.Shape));
    }

    [Fact]
    public void Every_tour_block_has_a_test()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoRoot(), "README.md"));

        // Every C# block of the README, from the tour on.
        Assert.Contains("## A short tour", readme);
        var blocks = 0;
        var inFence = false;
        for (var i = 0; i < readme.Length; i++)
        {
            var line = readme[i].TrimStart();
            if (!line.StartsWith("```", StringComparison.Ordinal)) continue;
            if (!inFence && CsharpFence().IsMatch(line)) blocks++;
            inFence = !inFence;
        }

        Assert.Equal(TourBlockCount, blocks);
        var facts = typeof(ReadmeTests).GetMethods()
            .Count(m => m.IsDefined(typeof(FactAttribute), false) && m.Name != nameof(Every_tour_block_has_a_test));
        Assert.Equal(TourBlockCount, facts);
    }

    [GeneratedRegex(@"^```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CsharpFence();

    /// <summary>The directory holding Functional.sln, found by walking up from the test binaries.</summary>
    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functional.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no Functional.sln above {AppContext.BaseDirectory}");
    }
}
