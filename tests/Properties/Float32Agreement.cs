namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// Float32 computes what Float64 computes, to float precision, and stays Float32. Inputs are drawn in Float64 and
/// rounded to Float32; the Float64 run sees exactly those rounded values, so a difference measures only the Float32
/// arithmetic. The cotangent is a multiple of 1/256 in [−1, 1], exact in both dtypes. Each op's output and each
/// gradient (from <see cref="Backprop"/>) must agree elementwise within
/// <code>|f32 − f64| ≤ 16·L·2⁻²³·(|f64| + L·M)</code>
/// where L is the length of the longest sum behind that value (1 for elementwise ops, the reduced length for sums,
/// the dim length for softmax, k for a matrix product, the broadcast factor for a gradient summed back to a smaller
/// input) and M bounds the size of any one term summed or rounded: the largest of 1, the product of the two
/// inputs' largest magnitudes (each at least 1), the largest output and the largest gradient in Float64.
/// <para>
/// Why that bound: a Float32 sum of L terms errs by at most γ_L·Σ|terms| ≈ L·2⁻²⁴·Σ|terms| ≤ L²·2⁻²⁴·M whatever the
/// summation order (Higham, Accuracy and Stability of Numerical Algorithms, §4.2; SIMD and blocked GEMM orders
/// included), and each elementwise step (exp, log, tanh, sin, …, the fused backward kernels, a product with ȳ)
/// adds a few ulps of its result, a few·2⁻²³·|f64|, or of the terms it cancels (1 − y² near |y| = 1, cos x near
/// π/2), a few·2⁻²³·M. The tolerance is 16 times the sum of these, so rounding never trips it, while a Float32
/// kernel that is wrong, computes in lower precision (half precision errs by 2⁻¹¹ relative) or drops a SIMD tail
/// is off by far more.
/// </para>
/// </summary>
public sealed class Float32Agreement
{
    /// <summary>Float32's machine epsilon, the gap between 1 and the next float.</summary>
    const double Epsilon = 1.0 / (1 << 23);

    /// <summary>
    /// One op application: its name, its inputs (values exact in Float32), the seed of its cotangent, and the lengths
    /// L of the longest sums behind its output and behind its gradients.
    /// </summary>
    internal sealed record Trial(string Op, Sample[] Inputs, int Seed, int ForwardLength, int BackwardLength,
                                 Func<Expr[], Reader<GradEnv, Expr>> Apply)
    {
        public override string ToString() =>
            $"{Op} on [{string.Join("; ", Inputs.Select(s => s.ToString()))}], seed {Seed}, L = {ForwardLength} forward, {BackwardLength} backward";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cases

    /// <summary>Every primitive of <see cref="OpCatalog"/> on one leaf in [0.5, 2]; its sums are at most numel(x)·2 long (expand, mm of x with itself).</summary>
    static readonly Gen<Trial> Catalog =
        from op in Gen.Elements(OpCatalog.All)
        from shape in Generators.Shapes()
        from x in Generators.Samples(shape, 0.5, 2)
        from seed in Generators.Seeds
        let length = 2 * shape.Numel
        select new Trial(op.Name, [Rounded(x)], seed, length, length, xs => op.Apply(xs[0]));

    /// <summary>Elementwise functions over the whole of a range where each is smooth and finite.</summary>
    static readonly (string Name, double Lo, double Hi, bool Signed, Func<Expr, Reader<GradEnv, Expr>> Apply)[] UnaryOps =
    [
        ("neg", -2, 2, false, Neg.Apply), ("exp", -3, 3, false, Exp.Apply), ("log", 0.1, 4, false, Log.Apply),
        ("tanh", -3, 3, false, Tanh.Apply), ("sigmoid", -4, 4, false, Sigmoid.Apply), ("sin", -3, 3, false, Sin.Apply),
        ("cos", -3, 3, false, Cos.Apply), ("abs", 0.01, 2, true, Abs.Apply), ("relu", 0.01, 2, true, Relu.Apply),
        ("sqrt", 0.1, 4, false, Sqrt.Apply), ("reciprocal", 0.25, 4, true, Reciprocal.Apply), ("clone", -2, 2, false, Clone.Apply),
        // The vocabulary's (issue 13).
        ("log1p", -0.9, 4, false, Log1p.Apply), ("expm1", -3, 3, false, Expm1.Apply), ("erf", -4, 4, false, Erf.Apply),
        ("tan", -1.4, 1.4, false, Tan.Apply), ("atan", -4, 4, false, Atan.Apply), ("asin", -0.95, 0.95, false, Asin.Apply),
        ("acos", -0.95, 0.95, false, Acos.Apply), ("sinh", -3, 3, false, Sinh.Apply), ("cosh", -3, 3, false, Cosh.Apply),
        ("rsqrt", 0.1, 4, false, Rsqrt.Apply), ("sign", 0.01, 2, true, Sign.Apply), ("floor", -3, 3, false, Floor.Apply),
        ("ceil", -3, 3, false, Ceil.Apply), ("round", -3, 3, false, Round.Apply),
    ];

    static readonly Gen<Trial> Unary =
        from op in Gen.Elements(UnaryOps)
        from shape in Generators.Shapes()
        from x in op.Signed ? Generators.SignedSamples(shape, op.Lo, op.Hi) : Generators.Samples(shape, op.Lo, op.Hi)
        from seed in Generators.Seeds
        select new Trial(op.Name, [Rounded(x)], seed, 1, 1, xs => op.Apply(xs[0]));

    /// <summary>xᵖ for the exponents with their own kernel paths (0, 1, 2, ½, −1, …) and any real in [−3, 3].</summary>
    static readonly Gen<Trial> Powers =
        from p in Gen.Frequency((1, Gen.Elements(-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0)), (1, Generators.Uniform(-3, 3)))
        from shape in Generators.Shapes()
        from x in Generators.Samples(shape, 0.5, 2)
        from seed in Generators.Seeds
        let exponent = (double)(float)p
        select new Trial($"pow(x, {exponent:R})", [Rounded(x)], seed, 1, 1, xs => Pow.Apply(xs[0], exponent));

    /// <summary>Binary ops on broadcasting shapes; a gradient sums ȳ over the dims its input was broadcast along.</summary>
    static readonly (string Name, double LoA, double HiA, double LoB, double HiB, Func<Expr, Expr, Reader<GradEnv, Expr>> Apply)[] BinaryOps =
    [
        ("add", -2, 2, -2, 2, Add.Apply), ("sub", -2, 2, -2, 2, Sub.Apply), ("mul", -2, 2, -2, 2, Mul.Apply),
        ("div", -2, 2, 0.5, 2, Div.Apply), ("pow", 0.5, 2, -2, 2, PowTensor.Apply),
        ("atan2", 0.2, 2, -2, 2, Atan2.Apply), ("maximum", -2, 2, -2, 2, Maximum.Apply), ("minimum", -2, 2, -2, 2, Minimum.Apply),
    ];

    static readonly Gen<Trial> Binary =
        from op in Gen.Elements(BinaryOps)
        from shapes in Generators.BroadcastPairs
        from a in Generators.Samples(shapes.A, op.LoA, op.HiA)
        from b in Generators.Samples(shapes.B, op.LoB, op.HiB)
        from seed in Generators.Seeds
        select new Trial(op.Name, [Rounded(a), Rounded(b)], seed, 1, BroadcastFactor(shapes.A, shapes.B), xs => op.Apply(xs[0], xs[1]));

    static readonly Gen<Trial> Selections =
        from shapes in Generators.BroadcastPairs
        from a in Generators.Samples(shapes.A)
        from b in Generators.Samples(shapes.B)
        from mask in Gen.ArrayOf(Gen.Elements(false, true), Shape.Broadcast(shapes.A, shapes.B, "where").Numel)
        from seed in Generators.Seeds
        select new Trial($"where(mask {{{string.Join("", mask.Select(m => m ? '1' : '0'))}}})", [Rounded(a), Rounded(b)], seed,
                         1, BroadcastFactor(shapes.A, shapes.B), xs => Where.Apply([.. mask], xs[0], xs[1]));

    /// <summary>Sum, mean and max of everything, and sum and mean over a random dim (negative ones included), with and without keepDim.</summary>
    static readonly Gen<Trial> Reductions =
        from c in Generators.UnaryCases()
        let x = Rounded(c.Inputs[0])
        from dim in Generators.Dims(x.Shape)
        from keepDim in Gen.Elements(false, true)
        from which in Gen.Elements("sum", "mean", "max", "sum_dim", "mean_dim")
        let along = x.Shape.Rank == 0 ? 1 : x.Shape[dim < 0 ? dim + x.Shape.Rank : dim]
        select which switch
        {
            "sum" => new Trial("sum", [x], c.Seed, x.Shape.Numel, 1, xs => Sum.Apply(xs[0])),
            "mean" => new Trial("mean", [x], c.Seed, x.Shape.Numel, 1, xs => Mean.Apply(xs[0])),
            "max" => new Trial("max", [x], c.Seed, 1, 1, xs => Max.Apply(xs[0])),
            "sum_dim" => new Trial($"sum(dim {dim}, keepDim {keepDim})", [x], c.Seed, along, 1, xs => SumDim.Apply(xs[0], dim, keepDim)),
            _ => new Trial($"mean(dim {dim}, keepDim {keepDim})", [x], c.Seed, along, 1, xs => MeanDim.Apply(xs[0], dim, keepDim)),
        };

    /// <summary>Softmax and log-softmax along a random dim (negative ones included), over a range wide enough to need the max shift.</summary>
    static readonly Gen<Trial> Softmaxes =
        from c in Generators.UnaryCases(-6, 6)
        let x = Rounded(c.Inputs[0])
        from dim in Generators.Dims(x.Shape)
        from log in Gen.Elements(false, true)
        let along = x.Shape.Rank == 0 ? 1 : x.Shape[dim < 0 ? dim + x.Shape.Rank : dim]
        select log
            ? new Trial($"log_softmax(dim {dim})", [x], c.Seed, along, along, xs => LogSoftmax.Apply(xs[0], dim))
            : new Trial($"softmax(dim {dim})", [x], c.Seed, along, along, xs => Softmax.Apply(xs[0], dim));

    /// <summary>
    /// torch.matmul for operands of rank 1 to 4: a vector [k] or a stack [...batch, m, k] / [...batch, k, n], the
    /// batches broadcasting. Forward sums k products; a gradient sums m or n of them over every batch it was broadcast to.
    /// </summary>
    static readonly Gen<Trial> MatMuls =
        from o in Generators.MatMulOperands(5, 9, 5)
        from seed in Generators.Seeds
        select new Trial("matmul", [Rounded(o.A), Rounded(o.B)], seed, o.K, Math.Max(o.M, o.N) * o.Batch.Numel, xs => MatMul.Apply(xs[0], xs[1]));

    // ---------------------------------------------------------------------------------------------------------------
    // Properties

    [Property(MaxTest = 400)]
    public Property Every_catalog_op_agrees_with_float64_in_value_and_gradient() =>
        Prop.ForAll(Catalog.ToArbitrary(), Agree);

    [Property(MaxTest = 300)]
    public Property Elementwise_functions_agree_with_float64_over_their_whole_range() =>
        Prop.ForAll(Gen.Frequency((3, Unary), (1, Powers)).ToArbitrary(), Agree);

    [Property(MaxTest = 300)]
    public Property Binary_ops_with_broadcasting_agree_with_float64() =>
        Prop.ForAll(Gen.Frequency((5, Binary), (1, Selections)).ToArbitrary(), Agree);

    [Property(MaxTest = 300)]
    public Property Reductions_over_random_dims_agree_with_float64() =>
        Prop.ForAll(Reductions.ToArbitrary(), Agree);

    [Property]
    public Property Softmax_and_log_softmax_over_random_dims_agree_with_float64() =>
        Prop.ForAll(Softmaxes.ToArbitrary(), Agree);

    [Property(MaxTest = 300)]
    public Property MatMul_of_ranks_1_to_4_agrees_with_float64() =>
        Prop.ForAll(MatMuls.ToArbitrary(), Agree);

    /// <summary>ArgMax compares values exactly, and the Float32 values are exactly the Float64 ones: the same Int64 indices.</summary>
    [Property]
    public Property ArgMax_over_a_random_dim_picks_the_same_indices_in_float32() =>
        Prop.ForAll((from c in Generators.UnaryCases() let x = Rounded(c.Inputs[0]) from dim in Generators.Dims(x.Shape) select (x, dim)).ToArbitrary(), t =>
        {
            var i64 = Autodiff.Eval(Max.ArgMax(t.x.Constant(), t.dim));
            var i32 = Autodiff.Eval(Max.ArgMax(t.x.In(DType.Float32).Constant(), t.dim));
            Assert.Equal(DType.Int64, i32.DType);
            Assert.Equal(i64.Shape, i32.Shape);
            Assert.Equal(i64.Value.ToDoubles(), i32.Value.ToDoubles());
        });

    // ---------------------------------------------------------------------------------------------------------------
    // The check

    /// <summary>Runs the trial in Float64 and in Float32 and compares dtypes, shapes, values and gradients.</summary>
    static void Agree(Trial t)
    {
        var x64 = t.Inputs.Select(s => s.Leaf()).ToArray();
        var x32 = t.Inputs.Select(s => s.In(DType.Float32).Leaf()).ToArray();
        var y64 = Autodiff.Eval(t.Apply(x64));
        var y32 = Autodiff.Eval(t.Apply(x32));
        if (y32.DType != DType.Float32)
            throw new Xunit.Sdk.XunitException($"Float32 inputs give a {y32.DType.Name()} output");
        if (!y32.Shape.Equals(y64.Shape))
            throw new Xunit.Sdk.XunitException($"output shape {y32.Shape} in Float32, {y64.Shape} in Float64");

        var random = new Random(t.Seed);
        var yBar = Enumerable.Range(0, y64.Shape.Numel).Select(_ => random.Next(-256, 257) / 256.0).ToArray();
        var g64 = Autodiff.Gradients(y64, Expr.Constant(NdArray.From(yBar, y64.Shape, y64.DType)));
        var g32 = Autodiff.Gradients(y32, Expr.Constant(NdArray.From(yBar, y32.Shape, DType.Float32)));

        var y = y64.Value.ToDoubles();
        var grads64 = x64.Select(x => Gradient(g64, x)).ToArray();
        var grads32 = x32.Select(x => Gradient(g32, x)).ToArray();
        var magnitude = new[] { 1, Math.Max(1, MaxAbs(t.Inputs[0].Values)) * (t.Inputs.Length > 1 ? Math.Max(1, MaxAbs(t.Inputs[1].Values)) : 1), MaxAbs(y) }
            .Concat(grads64.Select(g => g is null ? 0 : MaxAbs(g.Value.ToDoubles()))).Max();

        Close("output", y, y32.Value.ToDoubles(), t.ForwardLength, magnitude);
        for (var i = 0; i < t.Inputs.Length; i++)
        {
            var (a, b) = (grads64[i], grads32[i]);
            if ((a is null) != (b is null))
                throw new Xunit.Sdk.XunitException($"input {i} gets a gradient in {(a is null ? "Float32" : "Float64")} only");
            if (a is null || b is null) continue;
            if (b.DType != DType.Float32 || !b.Shape.Equals(t.Inputs[i].Shape))
                throw new Xunit.Sdk.XunitException($"gradient {i} is {b.DType.Name()}{b.Shape} for a float32{t.Inputs[i].Shape} input");
            Close($"gradient {i}", a.Value.ToDoubles(), b.Value.ToDoubles(), t.BackwardLength, magnitude);
        }
    }

    /// <summary>|actual − reference| ≤ 16·L·2⁻²³·(|reference| + L·M) elementwise (see the class summary).</summary>
    static void Close(string what, double[] reference, double[] actual, int length, double magnitude)
    {
        for (var i = 0; i < reference.Length; i++)
        {
            var tolerance = 16 * length * Epsilon * (Math.Abs(reference[i]) + length * magnitude);
            if (!(Math.Abs(actual[i] - reference[i]) <= tolerance))
                throw new Xunit.Sdk.XunitException(
                    $"{what}[{i}]: Float32 gives {actual[i]:R}, Float64 gives {reference[i]:R} " +
                    $"(difference {Math.Abs(actual[i] - reference[i]):E2}, tolerance {tolerance:E2}, L = {length}, M = {magnitude:G4})");
        }
    }

    static Expr? Gradient(HashMap<Node, Expr> grads, Expr leaf) => grads.ContainsKey(leaf.Node!) ? grads[leaf.Node!] : null;

    /// <summary>The sample with its values rounded to the nearest Float32, still as Float64.</summary>
    static Sample Rounded(Sample s) => s with { Values = s.Values.Select(v => (double)(float)v).ToArray() };

    /// <summary>How many times the larger of two broadcasting shapes' outputs repeats the smaller input: the length of its gradient's sum.</summary>
    static int BroadcastFactor(Shape a, Shape b) =>
        Shape.Broadcast(a, b, "broadcast").Numel / Math.Max(1, Math.Min(a.Numel, b.Numel));

    static double MaxAbs(double[] values) => values.Length == 0 ? 0 : values.Max(Math.Abs);
}
