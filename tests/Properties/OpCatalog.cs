using System.Collections.Immutable;
namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>One use of a primitive on a single leaf of any shape, and whether the primitive saves tensors for its VJP.</summary>
internal sealed record OpUse(string Name, bool SavesTensors, Func<Expr, Reader<GradEnv, Expr>> Apply)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every primitive in Nabla.Core, applied to one leaf x with values in [0.5, 2] (other operands constant, in x's
/// dtype as the facade makes a Python number, so a Float32 x stays Float32).
/// </summary>
internal static class OpCatalog
{
    static Expr Half(Expr x) => Expr.Scalar(0.5, x.DType);

    static Expr Quarter(Expr x) => Expr.Scalar(0.25, x.DType);

    // Loss targets: 0.5 everywhere (losses take no broadcasting), and class 0 for the one row of an nll_loss.
    static Expr Halves(Expr x) => Expr.Constant(NdArray.Full(x.Shape, 0.5, x.DType));

    // x as a row expanded to an [n, n] matrix, n = numel.
    static Reader<GradEnv, Expr> Square(Expr x) =>
        from v in Reshape.Apply(x, [-1]) from m in Expand.Apply(v, Shape.Of(v.Shape[0], v.Shape[0])) select m;

    static readonly Expr ClassZero = Expr.Constant(NdArray.From(new long[] { 0 }, Shape.Of(1)));

    public static readonly OpUse[] All =
    [
        new("add", false, x => Add.Apply(x, Half(x))),
        new("sub", false, x => Sub.Apply(Half(x), x)),
        new("mul", true, x => Mul.Apply(x, Half(x))),
        new("div", true, x => Div.Apply(Half(x), x)),
        new("neg", false, Neg.Apply),
        new("pow", true, x => Pow.Apply(x, 3)),
        new("pow_tensor", true, x => PowTensor.Apply(Half(x), x)),
        new("exp", true, Exp.Apply),
        new("log", true, Log.Apply),
        new("tanh", true, Tanh.Apply),
        new("sum", false, Sum.Apply),
        new("sum_dim", false, x => SumDim.Apply(x, -1, keepDim: true)),
        new("mean", false, Mean.Apply),
        new("mean_dim", false, x => MeanDim.Apply(x, 0)),
        new("mm", true, x => from row in Reshape.Apply(x, [1, -1]) from column in Reshape.Apply(x, [-1, 1]) from y in Mm.Apply(row, column) select y),
        new("transpose", false, x => Transpose.Apply(x, 0, -1)),
        new("t", false, x => from m in Reshape.Apply(x, [-1, 1]) from y in Transpose.T(m) select y),
        new("reshape", false, x => Reshape.Apply(x, [-1])),
        new("expand", false, x => Expand.Apply(x, Shape.Of([2, .. x.Shape.ToArray()]))),
        new("sum_to", false, x => SumTo.Apply(x, Shape.Scalar)),
        new("cast", false, x => Cast.Apply(x, DType.Float32)),
        new("rsub", false, x => Sub.Rsub(Half(x), x)),
        new("reciprocal", true, Reciprocal.Apply),
        new("sqrt", true, Sqrt.Apply),
        new("abs", true, Abs.Apply),
        new("relu", true, Relu.Apply),
        new("sigmoid", true, Sigmoid.Apply),
        new("sin", true, Sin.Apply),
        new("cos", true, Cos.Apply),
        new("clone", false, Clone.Apply),
        new("max", true, Max.Apply),
        new("softmax", true, x => Softmax.Apply(x, -1)),
        new("log_softmax", true, x => LogSoftmax.Apply(x, 0)),
        new("nll_loss", true, x => from m in Reshape.Apply(x, [1, -1]) from y in NllLoss.Apply(m, ClassZero) select y),
        new("mse_loss", true, x => MseLoss.Apply(x, Halves(x))),
        new("binary_cross_entropy_with_logits", true, x => BinaryCrossEntropyWithLogits.Apply(x, Halves(x))),
        new("unsqueeze", false, x => Reshape.Unsqueeze(x, 0)),
        new("squeeze", false, x => Reshape.Squeeze(x, -1)),
        // The vocabulary's shape and matrix ops (issue 13); n is x's numel, and [n, n] matrices come from expanding x.
        new("permute", false, x => Permute.Apply(x, [.. Enumerable.Range(0, x.Shape.Rank).Reverse()])),
        new("expand_sizes", false, x => Expand.Apply(x, [2, .. x.Shape.ToArray()])),
        new("view", false, x => Reshape.View(x, [-1])),
        new("flatten", false, x => from u in Reshape.Unsqueeze(x, 0) from y in Reshape.Flatten(u) select y),
        new("unflatten", false, x => from v in Reshape.Apply(x, [-1]) from y in Reshape.Unflatten(v, 0, [1, -1]) select y),
        new("repeat", false, x => Repeat.Apply(x, [2, .. Enumerable.Repeat(2, x.Shape.Rank)])),
        new("squeeze_all", false, x => Reshape.Squeeze(x)),
        new("flip", false, x => Core.Flip.Apply(x, [.. Enumerable.Range(0, x.Shape.Rank)])),
        new("diagonal", false, x => from m in Square(x) from y in Diagonal.Apply(m, 1) select y),
        new("diagonal_scatter", false, x => from v in Reshape.Apply(x, [-1]) from y in DiagonalScatter.Apply(v, Shape.Of(v.Shape[0] + 1, v.Shape[0]), -1, 0, 1) select y),
        new("trace", false, x => from m in Square(x) from y in Trace.Apply(m) select y),
        new("outer", true, x => from v in Reshape.Apply(x, [-1]) from y in Outer.Apply(v, v) select y),
        new("diag", false, x => from v in Reshape.Apply(x, [-1]) from y in Diag.Apply(v, 1) select y),
        new("tril", false, x => from m in Square(x) from y in Tril.Apply(m, -1) select y),
        new("triu", false, x => from m in Square(x) from y in Tril.Triu(m) select y),
        new("select", false, x => from v in Reshape.Apply(x, [-1]) from y in Select.Apply(v, -1) select y),
        new("select_scatter", false, x => SelectScatter.Apply(x, Shape.Of([3, .. x.Shape.ToArray()]), 1)),
        new("dot", true, x => from v in Reshape.Apply(x, [-1]) from y in Dot.Apply(v, v) select y),
        new("mv", true, x => from v in Reshape.Apply(x, [-1]) from m in Reshape.Apply(x, [1, -1]) from y in Mv.Apply(m, v) select y),
        new("bmm", true, x => from a in Reshape.Apply(x, [1, 1, -1]) from b in Reshape.Apply(x, [1, -1, 1]) from y in Bmm.Apply(a, b) select y),
        new("matmul", true, x => from v in Reshape.Apply(x, [-1]) from y in MatMul.Apply(v, v) select y),
        // x as a row and as a column, contracted (mm), then times the row again (a broadcasting mul): (x·x)·x.
        new("einsum", true, x => from a in Reshape.Apply(x, [1, -1]) from b in Reshape.Apply(x, [-1, 1])
                                 from y in Einsum.Apply("ij,jk,il->il", [a, b, a]) select y),
        new("where", true, x => Where.Apply(Enumerable.Range(0, x.Shape.Numel).Select(i => i % 2 == 0).ToImmutableArray(), x, Half(x))),
        // x as a 1×n image and as a 1×n kernel, padded to 3×(n+2): a 3×3 output, each element a sum of up to n products.
        new("conv2d", true, x => from image in Reshape.Apply(x, [1, 1, 1, -1]) from y in Convolution.Apply(image, image, null, padding: 1) select y),
        // Windows of 1×2 over the padded 1×n row overlap, so col2im's sums (im2col's VJP) have two terms.
        new("im2col", false, x => from image in Reshape.Apply(x, [1, 1, 1, -1]) from y in Im2Col.Apply(image, 1, 2, padding: 1) select y),
        new("col2im", false, x => from image in Reshape.Apply(x, [1, 1, 1, -1])
                                  from cols in Im2Col.Apply(image, 1, 2, padding: 1)
                                  from y in Col2Im.Apply(cols, image.Shape, 1, 2, padding: 1)
                                  select y),
        new("max_pool2d", true, x => from image in Reshape.Apply(x, [1, 1, -1]) from y in MaxPool2d.Apply(image, 1, stride: 2) select y),
        new("max_pool2d_backward", true, x => MaxPool2dBackward.Apply(x, Enumerable.Range(0, x.Shape.Numel).Select(i => i / 2).ToImmutableArray(), Shape.Of((x.Shape.Numel + 1) / 2))),
        new("take", true, x => Take.Apply(x, [x.Shape.Numel - 1, 0], Shape.Of(2))),
        // The vocabulary's elementwise ops (issue 13); tan, asin and acos of x/4, inside their domains.
        new("log1p", true, Log1p.Apply),
        new("expm1", true, Expm1.Apply),
        new("erf", true, Erf.Apply),
        new("tan", true, x => from q in Mul.Apply(x, Quarter(x)) from y in Tan.Apply(q) select y),
        new("atan", true, Atan.Apply),
        new("asin", true, x => from q in Mul.Apply(x, Quarter(x)) from y in Asin.Apply(q) select y),
        new("acos", true, x => from q in Mul.Apply(x, Quarter(x)) from y in Acos.Apply(q) select y),
        new("sinh", true, Sinh.Apply),
        new("cosh", true, Cosh.Apply),
        new("rsqrt", true, Rsqrt.Apply),
        new("square", true, Nabla.Core.Square.Apply),
        new("sign", false, Sign.Apply),
        new("floor", false, Floor.Apply),
        new("ceil", false, Ceil.Apply),
        new("round", false, Round.Apply),
        new("round_decimals", false, x => RoundDecimals.Apply(x, 1)),
        new("atan2", true, x => Atan2.Apply(x, Half(x))),
        new("maximum", true, x => Maximum.Apply(x, Expr.Scalar(1, x.DType))),
        new("minimum", true, x => Minimum.Apply(x, Expr.Scalar(1, x.DType))),
        new("masked_fill", true, x => MaskedFill.Apply(x, NdArray.From(Enumerable.Range(0, x.Shape.Numel).Select(i => i % 2 == 0).ToArray(), x.Shape), 1)),
        new("clamp", true, x => Clamp.Apply(x, 0.75, 1.5)),
        new("clamp_min", true, x => Clamp.Apply(x, 1, null, "clamp_min")),
        new("clamp_max", true, x => Clamp.Apply(x, null, 1, "clamp_max")),
        new("where_condition", true, x => WhereTensor.Apply(NdArray.From(Enumerable.Range(0, x.Shape.Numel).Select(i => i % 3 == 0).ToArray(), x.Shape), Half(x), x)),
    ];
}
