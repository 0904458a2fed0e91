using System.Runtime.CompilerServices;

namespace Nabla.Examples;

/// <summary>
/// A row of the README's "From PyTorch" table: the PyTorch expression, the Nabla expression (the lambda's source as the
/// compiler saw it, so the README shows exactly what runs) and what PyTorch 1.13 gave for it, printed by
/// tests/torch/from_pytorch.py: the values (in row-major order, as doubles), shape, dtype and grad_fn.
/// </summary>
public sealed record FromPyTorchRow(string PyTorch, string Nabla, Func<Tensor> Run, double[] Values, int[] Shape, DType DType,
                                    string? GradFn, double Ulps)
{
    /// <summary>How the row reads in xunit's output.</summary>
    public override string ToString() => PyTorch;
}

/// <summary>
/// The table, one partial file per area of the vocabulary (FromPyTorch/*.cs). The inputs the rows use are the same
/// small tensors on both sides: <c>x</c> (2×3, Float32, values in (−1, 1) away from kinks), <c>p</c> (positive),
/// <c>m</c> (3×3), <c>v</c> (a vector), <c>i</c> (Int64 indices), as from_pytorch.py defines them.
/// </summary>
internal static partial class FromPyTorch
{
    public static IEnumerable<FromPyTorchRow> All => [.. Basics(), .. ElementwiseRows(), .. ReductionRows(), .. ShapeRows(),
                                                     .. JoinRows(), .. IndexRows(), .. MatrixRows(), .. CreationRows(), .. LogicRows()];

    // The inputs, as tests/torch/from_pytorch.py builds them. Each call makes new leaves, so rows do not share graphs.
    static Tensor x => Tensor.From([-0.9, -0.4, 0.3, 0.5, 0.75, 0.2], [2, 3], requiresGrad: true, dtype: DType.Float32);
    static Tensor p => Tensor.From([0.5, 1.5, 2.0, 2.5, 3.0, 4.0], [2, 3], requiresGrad: true, dtype: DType.Float32);
    static Tensor m => Tensor.From([2.0, -1.0, 0.5, 1.0, 3.0, -2.0, 0.25, 0.5, 4.0], [3, 3], requiresGrad: true, dtype: DType.Float32);
    static Tensor v => Tensor.From([1.0, -2.0, 3.0], requiresGrad: true, dtype: DType.Float32);
    static Tensor i => Tensor.From([2L, 0L, 1L]);

    /// <summary>
    /// A row: <paramref name="run"/>'s source (less its "() =&gt; ") is the Nabla column. <paramref name="ulps"/> bounds
    /// the difference from PyTorch's value in units of the dtype's epsilon times the value's magnitude (at least 1):
    /// a correctly rounded operation is within 1, a transcendental function of libm or SLEEF within a few.
    /// </summary>
    static FromPyTorchRow Row(string pytorch, Func<Tensor> run, double[] values, int[] shape, DType dtype = DType.Float32,
                              string? gradFn = null, double ulps = 4, [CallerArgumentExpression(nameof(run))] string source = "") =>
        new(pytorch, source.StartsWith("() => ", StringComparison.Ordinal) ? source["() => ".Length..] : source, run, values, shape,
            dtype, gradFn, ulps);

    // What the engine had before the vocabulary.
    static FromPyTorchRow[] Basics() =>
    [
        // torch.exp(x) -> tensor([[0.4066, 0.6703, 1.3499], [1.6487, 2.1170, 1.2214]], grad_fn=<ExpBackward0>)
        Row("torch.exp(x)", () => x.Exp(),
            [0.4065696597099304, 0.6703200340270996, 1.3498587608337402, 1.6487212181091309, 2.117000102996826, 1.2214027643203735],
            [2, 3], gradFn: "ExpBackward0"),
    ];
}
