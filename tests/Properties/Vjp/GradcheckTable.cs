namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// One op under the finite-difference check (a row of <see cref="GradcheckTable"/>): its PyTorch name, the grad_fn
/// name of its output (null where it depends on the case), a generator of trials that states the op's input domains
/// and shapes, and whether the op may return its input itself where it is the identity (as PyTorch's <c>to</c> does
/// for the same dtype: no grad_fn of its own).
/// </summary>
internal sealed record GradcheckRow(string Name, string? GradFn, Gen<GradcheckTrial> Trials, bool MayReturnItsInput = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// One application of a row's op. The case's inputs are the differentiable operands (Float64 unless the row says
/// otherwise; Gradcheck lets a random non-empty subset of them require grad); everything else the op takes (dims,
/// indices, masks, targets, exponents) is a constant closed over in <paramref name="Apply"/> and printed as
/// <paramref name="Constants"/>.
/// </summary>
internal sealed record GradcheckTrial(Case Case, Func<Expr[], Reader<GradEnv, Expr>> Apply, string Constants = "", double Epsilon = Gradcheck.Epsilon)
{
    public override string ToString() => Constants.Length == 0 ? Case.ToString() : $"{Case}; {Constants}";
}

/// <summary>
/// Every primitive and composite op of Nabla.Core, a row each, as tinygrad's <c>helper_test_op</c>: the one property
/// in <see cref="OpRules"/> checks each row's VJP and JVP against central differences in Float64. Domains keep away from
/// kinks (|x| ≥ 0.1 for abs and relu), poles and singularities (|x| ≥ 0.5 for reciprocal, divisors, log, sqrt and
/// the bases of pow); elementwise binary ops take broadcasting shapes.
/// </summary>
internal static partial class GradcheckTable
{
    /// <summary>Every row: the engine's ops here, then the vocabulary's, one partial file per area (Vjp/Vocabulary/).</summary>
    public static GradcheckRow[] All => all ??= [.. Engine, .. ElementwiseRows(), .. ReductionRows(), .. ShapeRows(), .. JoinRows(),
                                                .. IndexRows(), .. MatrixRows(), .. LogicRows()];
    static GradcheckRow[]? all;

    static readonly GradcheckRow[] Engine =
    [
        // Elementwise, one input.
        Unary("abs", "AbsBackward0", Generators.SignedCases(0.1, 2), Abs.Apply),                 // x̄ = ȳ ⊙ sign x
        Unary("neg", "NegBackward0", Generators.UnaryCases(), Neg.Apply),                         // x̄ = −ȳ
        Unary("exp", "ExpBackward0", Generators.UnaryCases(), Exp.Apply),                         // x̄ = ȳ ⊙ eˣ
        Unary("log", "LogBackward0", Generators.UnaryCases(0.5, 2), Log.Apply),                   // x̄ = ȳ ⊘ x
        Unary("sqrt", "SqrtBackward0", Generators.UnaryCases(0.5, 2), Sqrt.Apply),                // x̄ = ȳ ⊘ 2√x
        Unary("reciprocal", "ReciprocalBackward0", Generators.SignedCases(0.5, 2), Reciprocal.Apply), // x̄ = −ȳ ⊘ x²
        Unary("relu", "ReluBackward0", Generators.SignedCases(0.1, 2), Relu.Apply),               // x̄ = ȳ where x > 0
        Unary("sigmoid", "SigmoidBackward0", Generators.UnaryCases(), Sigmoid.Apply),             // x̄ = ȳ ⊙ σ(1 − σ)
        Unary("tanh", "TanhBackward0", Generators.UnaryCases(), Tanh.Apply),                      // x̄ = ȳ ⊙ (1 − tanh²)
        Unary("sin", "SinBackward0", Generators.UnaryCases(), Sin.Apply),                         // x̄ = ȳ ⊙ cos x
        Unary("cos", "CosBackward0", Generators.UnaryCases(), Cos.Apply),                         // x̄ = −ȳ ⊙ sin x
        Unary("clone", "CloneBackward0", Generators.UnaryCases(), Clone.Apply),                   // x̄ = ȳ
        // x̄ = ȳ ⊙ p·xᵖ⁻¹; the exponents with their own kernel paths or rule (0, 1, 2) come up often.
        Row("pow", "PowBackward0",
            from c in Generators.UnaryCases(0.5, 2)
            from p in Gen.Frequency((1, Gen.Elements(-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0)), (1, Generators.Uniform(-3, 3)))
            select (c, p),
            (p, xs) => Pow.Apply(xs[0], p)),
        // x̄ = ȳ ⊙ m / (1 − p) for the seed's mask m; the fixed seed keeps the mask fixed under the step.
        Row("dropout", "NativeDropoutBackward0",
            from c in Generators.UnaryCases()
            from p in Gen.Elements(0.0, 0.25, 0.5, 0.9, 1.0)
            from seed in Generators.Seeds
            select (c, (P: p, Seed: seed)),
            (t, xs) => Dropout.Apply(xs[0], t.P, t.Seed)),
        // x̄ = ȳ cast back, Float32 ↔ Float64 both ways: multiples of 1/256 and a step of 2⁻¹⁰ keep every shifted
        // input and output exact in Float32, so the differences are exact.
        new("cast", "ToCopyBackward0",
            from shape in Generators.Shapes()
            from x in Generators.DyadicSamples(shape)
            from source in Gen.Elements(DType.Float32, DType.Float64)
            from to in Gen.Elements(DType.Float32, DType.Float64)
            from seed in Generators.Seeds
            select new GradcheckTrial(new Case([x.In(source)], seed), xs => Cast.Apply(xs[0], to), $"to {to.Name()}", Math.ScaleB(1, -10)),
            MayReturnItsInput: true),

        // Elementwise, two inputs of broadcasting shapes: each cotangent summed back over broadcast dimensions.
        Binary("add", "AddBackward0", Generators.BinaryCases(), Add.Apply),                       // ā = ȳ, b̄ = ȳ
        Binary("sub", "SubBackward0", Generators.BinaryCases(), Sub.Apply),                       // ā = ȳ, b̄ = −ȳ
        Binary("mul", "MulBackward0", Generators.BinaryCases(), Mul.Apply),                       // ā = ȳ ⊙ b, b̄ = ȳ ⊙ a
        Binary("div", "DivBackward0", Generators.BinaryCases(loB: 0.5, hiB: 2), Div.Apply),       // ā = ȳ ⊘ b, b̄ = −ȳ ⊙ a ⊘ b²
        // x̄ = ȳ ⊙ e·xᵉ⁻¹, ē = ȳ ⊙ xᵉ·ln x
        Binary("pow_tensor", "PowBackward1", Generators.BinaryCases(loA: 0.5, hiA: 2), PowTensor.Apply),
        // s − b with s 0-dimensional, as PyTorch's rsub for a Python number on the left: s̄ = Σ ȳ, b̄ = −ȳ.
        Binary("rsub", "RsubBackward1",
            from s in Generators.Samples(Shape.Scalar)
            from shape in Generators.Shapes()
            from b in Generators.Samples(shape)
            from seed in Generators.Seeds
            select new Case([s, b], seed),
            Sub.Rsub),
        // ā = mask ? ȳ : 0, b̄ = mask ? 0 : ȳ
        Row("where", "WhereBackward0",
            from c in Generators.BinaryCases()
            from mask in Gen.ArrayOf(Gen.Elements(false, true), Shape.Broadcast(c.Inputs[0].Shape, c.Inputs[1].Shape, "where").Numel)
            select (c, new Mask(mask)),
            (mask, xs) => Where.Apply([.. mask.Values], xs[0], xs[1])),
        // The fused backward kernels as ops of their own. sigmoid's g = ȳ ⊙ y ⊙ (1 − y): ∂/∂ȳ = ḡ ⊙ y ⊙ (1 − y),
        // ∂/∂y = ḡ ⊙ ȳ ⊙ (1 − 2y); tanh's g = ȳ ⊙ (1 − y²): ∂/∂ȳ = ḡ ⊙ (1 − y²), ∂/∂y = −2 ḡ ⊙ ȳ ⊙ y.
        Binary("sigmoid_backward", "SigmoidBackwardBackward0", Generators.BinaryCases(loB: 0, hiB: 1), SigmoidBackward.Apply),
        Binary("tanh_backward", "TanhBackwardBackward0", Generators.BinaryCases(loB: -1, hiB: 1), TanhBackward.Apply),
        // relu's g = ȳ where y > 0: linear in ȳ, so ∂/∂ȳ is the same mask; y is a constant.
        Row("threshold_backward", "ThresholdBackwardBackward0",
            from shape in Generators.Shapes()
            from yBar in Generators.Samples(shape)
            from y in Generators.Samples(shape)
            from seed in Generators.Seeds
            select (new Case([yBar], seed), y),
            (y, xs) => ReluBackward.Apply(xs[0], y.Array())),

        // Reductions: x̄ = ȳ (unsqueezed unless kept, divided by n for a mean) broadcast back.
        Unary("sum", "SumBackward0", Generators.UnaryCases(), Sum.Apply),
        Row("sum_dim", "SumBackward1", Reductions, (r, xs) => SumDim.Apply(xs[0], r.Dim, r.KeepDim)),
        Unary("mean", "MeanBackward0", Generators.UnaryCases(), Mean.Apply),
        Row("mean_dim", "MeanBackward1", Reductions, (r, xs) => MeanDim.Apply(xs[0], r.Dim, r.KeepDim)),
        // x̄ = ȳ at the (unique) maximum; the largest two values are kept apart so the step cannot swap them.
        Unary("max", "MaxBackward1",
            Generators.UnaryCases().Where(c => c.Inputs[0].Values.OrderDescending().Take(2).Aggregate((a, b) => a - b) >= 1e-3),
            Max.Apply),
        // Softmax: x̄ = y ⊙ (ȳ − Σ_dim ȳ ⊙ y). Log-softmax: x̄ = ȳ − eʸ ⊙ Σ_dim ȳ. Along every dim.
        Row("softmax", "SoftmaxBackward0", Dims, (dim, xs) => Softmax.Apply(xs[0], dim)),
        Row("log_softmax", "LogSoftmaxBackward0", Dims, (dim, xs) => LogSoftmax.Apply(xs[0], dim)),

        // Shape ops: x̄ = ȳ moved back.
        // Reshape to every shape of the same size, sometimes with one size −1 to infer.
        Row("reshape", "ReshapeAliasBackward0",                                                   // PyTorch 1.13's name
            from c in Generators.UnaryCases()
            from target in Gen.Elements(ShapesOfSize(c.Inputs[0].Shape.Numel))
            from infer in Gen.Choose(-1, target.Length - 1)
            select (c, new Sizes(target.Select((d, i) => i == infer ? -1 : d).ToArray())),
            (t, xs) => t.Values.Contains(-1) ? Reshape.Apply(xs[0], t.Values) : Reshape.Apply(xs[0], Shape.Of(t.Values))),
        Row("unsqueeze", "UnsqueezeBackward0",
            from c in Generators.UnaryCases()
            from dim in Gen.Choose(-c.Inputs[0].Shape.Rank - 1, c.Inputs[0].Shape.Rank)
            select (c, dim),
            (dim, xs) => Reshape.Unsqueeze(xs[0], dim)),
        // Shapes with some size-1 dims, so squeeze sometimes removes one.
        Row("squeeze", "SqueezeBackward1",
            from full in Generators.Shapes()
            from shape in Generators.BroadcastingTo(full)
            from x in Generators.Samples(shape)
            from dim in Generators.Dims(shape)
            from seed in Generators.Seeds
            select (new Case([x], seed), dim),
            (dim, xs) => Reshape.Squeeze(xs[0], dim)),
        Row("transpose", "TransposeBackward0",
            from c in Generators.UnaryCases()
            from dim0 in Generators.Dims(c.Inputs[0].Shape)
            from dim1 in Generators.Dims(c.Inputs[0].Shape)
            select (c, (Dim0: dim0, Dim1: dim1)),
            (t, xs) => Transpose.Apply(xs[0], t.Dim0, t.Dim1)),
        Unary("t", "TBackward0",
            from shape in Generators.Shapes(0, 2)
            from x in Generators.Samples(shape)
            from seed in Generators.Seeds
            select new Case([x], seed),
            Transpose.T),
        // Expand: x̄ = ȳ summed back to x's shape. SumTo, its adjoint: x̄ = ȳ broadcast back. Nabla's expand to the
        // same shape returns its input (PyTorch 1.13 records ExpandBackward0 even then), and SumTo always records
        // SumBackward1 (PyTorch's sum_to_size returns its input for the same size).
        Row("expand", "ExpandBackward0",
            from p in BroadcastingPairs
            from x in Generators.Samples(p.Small)
            from seed in Generators.Seeds
            select (new Case([x], seed), p.Full),
            (full, xs) => Expand.Apply(xs[0], full), mayReturnItsInput: true),
        Row("sum_to_size", "SumBackward1",
            from p in BroadcastingPairs
            from x in Generators.Samples(p.Full)
            from seed in Generators.Seeds
            select (new Case([x], seed), p.Small),
            (small, xs) => SumTo.Apply(xs[0], small)),
        // Select: x̄ = zeros with ȳ at index i of dim 0. SelectScatter, its adjoint: x̄ = ȳ[i].
        Row("select", "SelectBackward0",
            from shape in Generators.Shapes(1, 3)
            from x in Generators.Samples(shape)
            from index in Gen.Choose(-shape[0], shape[0] - 1)
            from seed in Generators.Seeds
            select (new Case([x], seed), index),
            (index, xs) => Select.Apply(xs[0], index)),
        Row("select_scatter", "SelectScatterBackward0",
            from target in Generators.Shapes(1, 3)
            from x in Generators.Samples(target.Reduce(0, keepDim: false))
            from index in Gen.Choose(0, target[0] - 1)
            from seed in Generators.Seeds
            select (new Case([x], seed), (Target: target, Index: index)),
            (t, xs) => SelectScatter.Apply(xs[0], t.Target, t.Index)),

        // Products.
        Binary("dot", "DotBackward0",                                                             // ā = ȳ·b, b̄ = ȳ·a
            from k in Gen.Choose(1, 6)
            from a in Generators.Samples(Shape.Of(k))
            from b in Generators.Samples(Shape.Of(k))
            from seed in Generators.Seeds
            select new Case([a, b], seed),
            Dot.Apply),
        Binary("mv", "MvBackward0",                                                               // Ā = ȳ vᵀ, v̄ = Aᵀ ȳ
            from m in Gen.Choose(1, 4)
            from k in Gen.Choose(1, 4)
            from a in Generators.Samples(Shape.Of(m, k))
            from v in Generators.Samples(Shape.Of(k))
            from seed in Generators.Seeds
            select new Case([a, v], seed),
            Mv.Apply),
        Binary("mm", "MmBackward0", Matrices(false, false), Mm.Apply),                            // Ā = Ȳ·Bᵀ, B̄ = Aᵀ·Ȳ
        // op(A)·op(B) with either operand read transposed (the form a linear layer's weight gradient takes). Its VJPs
        // are themselves products with transpose flags, so every flag combination to first order covers the second.
        Row("mm_transposed", "MmBackward0",
            from ta in Gen.Elements(false, true)
            from tb in Gen.Elements(false, true)
            from c in Matrices(ta, tb)
            select (c, (TA: ta, TB: tb)),
            (t, xs) => Mm.Apply(xs[0], xs[1], t.TA, t.TB)),
        Binary("bmm", "BmmBackward0",                                                             // Ā[i] = Ȳ[i]·B[i]ᵀ, B̄[i] = A[i]ᵀ·Ȳ[i]
            from ab in Generators.BatchedMatrices
            from seed in Generators.Seeds
            select new Case([ab.A, ab.B], seed),
            Bmm.Apply),
        // op(A[i])·op(B[i]) with the stacks read transposed as asked: the adjoints per matrix as mm's.
        Row("bmm_transposed", "BmmBackward0",
            from batch in Gen.Choose(1, 3)
            from m in Gen.Choose(1, 4)
            from k in Gen.Choose(1, 4)
            from n in Gen.Choose(1, 4)
            from ta in Gen.Elements(false, true)
            from tb in Gen.Elements(false, true)
            from a in Generators.Samples(ta ? Shape.Of(batch, k, m) : Shape.Of(batch, m, k))
            from b in Generators.Samples(tb ? Shape.Of(batch, n, k) : Shape.Of(batch, k, n))
            from seed in Generators.Seeds
            select (new Case([a, b], seed), (TA: ta, TB: tb)),
            (t, xs) => Bmm.Apply(xs[0], xs[1], t.TA, t.TB)),
        // matmul has no rule of its own: through dot, mv, mm or bmm with reshapes, for operands of rank 1 to 4.
        Binary("matmul", null,
            from o in Generators.MatMulOperands(3, 3, 3)
            from seed in Generators.Seeds
            select new Case([o.A, o.B], seed),
            MatMul.Apply),
        // Y = b + X·Wᵀ: b̄ = Ȳ summed to b's shape, X̄ = Ȳ·W, W̄ = Ȳᵀ·X, with b of shape [out], [n,out], [1,out] or [].
        new("linear", "AddmmBackward0",
            from n in Gen.Choose(1, 4)
            from i in Gen.Choose(1, 4)
            from o in Gen.Choose(1, 4)
            from biasShape in Gen.Elements(Shape.Of(o), Shape.Of(n, o), Shape.Of(1, o), Shape.Scalar)
            from x in Generators.Samples(Shape.Of(n, i))
            from w in Generators.Samples(Shape.Of(o, i))
            from b in Generators.Samples(biasShape)
            from seed in Generators.Seeds
            select new GradcheckTrial(new Case([x, w, b], seed), xs => Linear.Apply(xs[0], xs[1], xs[2]))),

        // Sliding windows, over the geometries of Generators.ConvolutionGeometries (windows that overlap, skip input or
        // reach into the padding; batched and unbatched inputs).
        // Y = W ⋆ X + b: X̄ = col2im(Ȳᵀ·W), W̄ = Ȳ·im2col(X), b̄ = Σ Ȳ over N, Ho, Wo.
        Convolution2d("conv2d", bias: true),
        Convolution2d("conv2d_without_bias", bias: false),
        // The linear pair behind convolution, each the other's VJP: im2col's x̄ = col2im(ȳ), col2im's x̄ = im2col(ȳ).
        Row("im2col", "Im2ColBackward0",
            from g in Generators.ConvolutionGeometries
            from x in Generators.Samples(g.X)
            from seed in Generators.Seeds
            select (new Case([x], seed), g),
            (g, xs) => Im2Col.Apply(xs[0], g.W[2], g.W[3], g.Stride, g.Padding)),
        Row("col2im", "Col2ImBackward0",
            from g in Generators.ConvolutionGeometries
            from x in Generators.Samples(Shape.Of(Generators.Im2ColRows(g.X, g.W[2], g.W[3], g.Stride, g.Padding), g.W[1] * g.W[2] * g.W[3]))
            from seed in Generators.Seeds
            select (new Case([x], seed), g),
            (g, xs) => Col2Im.Apply(xs[0], g.X, g.W[2], g.W[3], g.Stride, g.Padding)),
        // x̄ = ȳ added at each window's maximum, for inputs of distinct values (at least 4/numel apart, so the step
        // never changes which element is the maximum).
        Row("max_pool2d", "MaxPool2DWithIndicesBackward0",
            from batched in Gen.Elements(true, false)
            from n in Gen.Choose(1, 2)
            from c in Gen.Choose(1, 3)
            from kernel in Gen.Choose(1, 3)
            from stride in Gen.Elements<int?>(null, 1, 2)
            from h in Gen.Choose(kernel, 6)
            from w in Gen.Choose(kernel, 6)
            from x in Distinct(batched ? Shape.Of(n, c, h, w) : Shape.Of(c, h, w))
            from seed in Generators.Seeds
            select (new Case([x], seed), (Kernel: kernel, Stride: stride)),
            (t, xs) => MaxPool2d.Apply(xs[0], t.Kernel, t.Stride)),
        // The linear pair behind max pooling on random indices (repeated ones included, so the scatter accumulates):
        // the scatter-add MaxPool2dBackward and the Take that is its VJP.
        Row("max_pool2d_backward", "MaxPool2DWithIndicesBackwardBackward0", Indexed(scatter: true),
            (t, xs) => MaxPool2dBackward.Apply(xs[0], [.. t.Indices.Values], t.Dense)),
        Row("take", "TakeBackward0", Indexed(scatter: false),
            (t, xs) => Take.Apply(xs[0], [.. t.Indices.Values], t.Sparse)),

        // Losses over equal shapes; input and target both differentiable, either or both requiring grad.
        // y = (1/n) Σ (x − t)²: x̄ = ȳ·2(x − t)/n, t̄ = −x̄.
        Binary("mse_loss", "MseLossBackward0", Pairs(s => Generators.Samples(s), s => Generators.Samples(s)), MseLoss.Apply),
        // y = (1/n) Σ max(x, 0) − x·t + ln(1 + e^(−|x|)): x̄ = ȳ·(σ(x) − t)/n, t̄ = −ȳ·x/n; targets in [0, 1].
        Binary("binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0",
            Pairs(s => Generators.Samples(s, -4, 4), s => Generators.Samples(s, 0, 1)), BinaryCrossEntropyWithLogits.Apply),
        // Logits of magnitude 10 to 40, where e^(−|x|) is tiny beside 1 and 1 + e^(−|x|) rounds.
        Binary("binary_cross_entropy_with_logits_large", "BinaryCrossEntropyWithLogitsBackward0",
            Pairs(s => Generators.SignedSamples(s, 10, 40), s => Generators.Samples(s, 0, 1)), BinaryCrossEntropyWithLogits.Apply),
        // y = −(1/N) Σᵢ x[i, tᵢ] for x [N, C] or [C]: x̄ = −ȳ/N at each (i, tᵢ); the Int64 targets are constants.
        Row("nll_loss", "NllLossBackward0", ClassTargets.Cases(), (t, xs) => NllLoss.Apply(xs[0], t.Constant())),
        // NllLoss of LogSoftmax along the class dim: x̄ = ȳ·(softmax(x) − onehot(t))/N.
        Row("cross_entropy", "NllLossBackward0", ClassTargets.Cases(-4, 4), (t, xs) => CrossEntropy.Apply(xs[0], t.Constant())),
    ];

    static GradcheckRow Unary(string name, string? gradFn, Gen<Case> cases, Func<Expr, Reader<GradEnv, Expr>> op) =>
        new(name, gradFn, cases.Select(c => new GradcheckTrial(c, xs => op(xs[0]))));

    static GradcheckRow Binary(string name, string? gradFn, Gen<Case> cases, Func<Expr, Expr, Reader<GradEnv, Expr>> op) =>
        new(name, gradFn, cases.Select(c => new GradcheckTrial(c, xs => op(xs[0], xs[1]))));

    /// <summary>A row whose op takes constants besides its inputs; they are printed with each trial.</summary>
    static GradcheckRow Row<T>(string name, string? gradFn, Gen<(Case Case, T Constants)> cases, Func<T, Expr[], Reader<GradEnv, Expr>> op,
                               bool mayReturnItsInput = false) =>
        new(name, gradFn, cases.Select(t => new GradcheckTrial(t.Case, xs => op(t.Constants, xs), $"{t.Constants}")), mayReturnItsInput);

    static GradcheckRow Convolution2d(string name, bool bias) =>
        Row(name, "ConvolutionBackward0",
            from g in Generators.ConvolutionGeometries
            from x in Generators.Samples(g.X)
            from w in Generators.Samples(g.W)
            from b in Generators.Samples(g.B)
            from seed in Generators.Seeds
            select (new Case(bias ? [x, w, b] : [x, w], seed), (Stride: g.Stride, Padding: g.Padding)),
            (t, xs) => Convolution.Apply(xs[0], xs[1], xs.Length > 2 ? xs[2] : null, t.Stride, t.Padding));

    /// <summary>One input with a dim to reduce (negative ones included) and keepDim.</summary>
    static Gen<(Case Case, (int Dim, bool KeepDim) Constants)> Reductions =>
        from c in Generators.UnaryCases()
        from dim in Generators.Dims(c.Inputs[0].Shape)
        from keepDim in Gen.Elements(false, true)
        select (c, (dim, keepDim));

    /// <summary>One input with a dim of it (negative ones included).</summary>
    static Gen<(Case Case, int Dim)> Dims =>
        from c in Generators.UnaryCases()
        from dim in Generators.Dims(c.Inputs[0].Shape)
        select (c, dim);

    /// <summary>A full shape and one that broadcasts to it.</summary>
    static Gen<(Shape Small, Shape Full)> BroadcastingPairs =>
        from full in Generators.Shapes()
        from small in Generators.BroadcastingTo(full)
        select (small, full);

    /// <summary>A [m,k] and B [k,n], each stored transposed where asked.</summary>
    static Gen<Case> Matrices(bool transposeA, bool transposeB) =>
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 4)
        from n in Gen.Choose(1, 4)
        from a in Generators.Samples(transposeA ? Shape.Of(k, m) : Shape.Of(m, k))
        from b in Generators.Samples(transposeB ? Shape.Of(n, k) : Shape.Of(k, n))
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    /// <summary>Two inputs of one random shape, drawn by <paramref name="first"/> and <paramref name="second"/>.</summary>
    static Gen<Case> Pairs(Func<Shape, Gen<Sample>> first, Func<Shape, Gen<Sample>> second) =>
        from shape in Generators.Shapes()
        from a in first(shape)
        from b in second(shape)
        from seed in Generators.Seeds
        select new Case([a, b], seed);

    /// <summary>A permutation of −2 + 4k/numel, k = 0..numel−1, of <paramref name="shape"/>.</summary>
    static Gen<Sample> Distinct(Shape shape) =>
        Generators.Seeds.Select(seed =>
        {
            var values = Enumerable.Range(0, shape.Numel).Select(k => -2 + 4.0 * k / shape.Numel).ToArray();
            new Random(seed).Shuffle(values);
            return new Sample(shape, values);
        });

    /// <summary>A shape, a random shape of as many indices into it, and a sample of either (by <paramref name="scatter"/>).</summary>
    static Gen<(Case Case, (Indices Indices, Shape Dense, Shape Sparse) Constants)> Indexed(bool scatter) =>
        from dense in Generators.Shapes(1, 3)
        from sparse in Generators.Shapes(0, 3)
        from indices in Gen.ArrayOf(Gen.Choose(0, dense.Numel - 1), sparse.Numel)
        from x in Generators.Samples(scatter ? sparse : dense)
        from seed in Generators.Seeds
        select (new Case([x], seed), (new Indices(indices), dense, sparse));

    // Every shape of rank 0..3 with numel elements (rank 0 only for one element).
    static int[][] ShapesOfSize(int numel)
    {
        var divisors = Enumerable.Range(1, numel).Where(d => numel % d == 0).ToArray();
        var shapes = new List<int[]>();
        if (numel == 1) shapes.Add([]);
        shapes.Add([numel]);
        foreach (var a in divisors) shapes.Add([a, numel / a]);
        foreach (var a in divisors)
            foreach (var b in divisors.Where(b => numel / a % b == 0))
                shapes.Add([a, b, numel / a / b]);
        return shapes.ToArray();
    }

    /// <summary>Target sizes, printed as PyTorch prints a size list.</summary>
    internal sealed record Sizes(int[] Values)
    {
        public override string ToString() => $"sizes [{string.Join(", ", Values)}]";
    }

    /// <summary>A selection mask, printed as 0s and 1s.</summary>
    internal sealed record Mask(bool[] Values)
    {
        public override string ToString() => $"mask {{{string.Join("", Values.Select(b => b ? '1' : '0'))}}}";
    }

    /// <summary>Flat indices, printed in full.</summary>
    internal sealed record Indices(int[] Values)
    {
        public override string ToString() => $"indices {{{string.Join(", ", Values)}}}";
    }
}
