namespace Nabla.Core;

/// <summary>
/// y = x[…, start : start + length, …] along one dim (torch.narrow and slicing, SliceBackward0; split's and chunk's
/// parts, SplitBackward0; unbind's, with the dim dropped, UnbindBackward0): linear and a view, with adjoint x̄ = ȳ
/// placed in zeros of x's shape (<see cref="NarrowBackward"/>).
/// </summary>
public sealed class Narrow(string name) : LinearOp<(Shape Input, int Dim, int Start, int Length, bool Drop)>(name, Saves.Shapes, isView: true)
{
    static readonly Narrow Rule = new("SliceBackward0"), SplitRule = new("SplitBackward0"),
        SplitWithSizesRule = new("SplitWithSizesBackward0"), UnbindRule = new("UnbindBackward0"), SelectRule = new("SelectBackward0");

    /// <summary>The <paramref name="length"/> elements from <paramref name="start"/> (negative counts from the end) along <paramref name="dim"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int dim, int start, int length) => Part(Rule, x, dim, start, length, drop: false, "narrow");

    /// <summary>
    /// One part of <c>split</c> or <c>chunk</c>: as <see cref="Apply"/>, recorded as SplitBackward0 (SplitWithSizesBackward0
    /// for a split by a list of sizes).
    /// </summary>
    public static Reader<GradEnv, Expr> SplitPart(Expr x, int dim, int start, int length, bool withSizes = false) =>
        Part(withSizes ? SplitWithSizesRule : SplitRule, x, dim, start, length, drop: false, "split");

    /// <summary>One part of <c>unbind</c>: x at <paramref name="index"/> along <paramref name="dim"/>, that dim removed.</summary>
    public static Reader<GradEnv, Expr> UnbindPart(Expr x, int dim, int index) => Part(UnbindRule, x, dim, index, 1, drop: true, "unbind");

    /// <summary>x[…, index, …]: x at <paramref name="index"/> along <paramref name="dim"/>, that dim removed (SelectBackward0, any dim).</summary>
    public static Reader<GradEnv, Expr> SelectPart(Expr x, int dim, int index) => Part(SelectRule, x, dim, index, 1, drop: true, "select");

    static Reader<GradEnv, Expr> Part(Narrow rule, Expr x, int dim, int start, int length, bool drop, string op) =>
        env =>
        {
            if (x.Shape.Rank == 0) throw new ArgumentException($"{op}: cannot be applied to a 0-dim tensor.");
            var d = x.Shape.NormalizeDim(dim, op);
            var size = x.Shape[d];
            if (start < -size || start > size)
                throw new ArgumentOutOfRangeException(nameof(start),
                    $"{op}: Dimension out of range (expected to be in range of [{-size}, {size - 1}], but got {start}) for a tensor of shape {x.Shape}");
            var s = start < 0 ? start + size : start;
            if (length < 0 || s + length > size)
                throw new ArgumentException($"{op}: start ({s}) + length ({length}) exceeds dimension size ({size}) of a tensor of shape {x.Shape}.");
            return rule.Record(env, Kernel(x.Value, d, s, length, drop), (x.Shape, d, s, length, drop), x);
        };

    static NdArray Kernel(NdArray x, int dim, int start, int length, bool drop)
    {
        var dims = x.Shape.ToArray();
        dims[dim] = length;
        var y = Joining.Narrow(x, dim, start, length, Shape.Of(dims));
        return drop ? y.WithShape(x.Shape.Reduce(dim, keepDim: false)) : y;
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Input, int Dim, int Start, int Length, bool Drop) s, Shape shape, Expr t) =>
        Part(this, t, s.Dim, s.Start, s.Length, s.Drop, Name);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Input, int Dim, int Start, int Length, bool Drop) s, Expr yBar) =>
        NarrowBackward.Apply(yBar, s.Input, s.Dim, s.Start);
}

/// <summary>
/// y = zeros of a shape with x placed from <c>start</c> along one dim (PyTorch's slice_backward): linear, the adjoint of
/// <see cref="Narrow"/>, whose adjoint is x̄ = ȳ narrowed back. An x without that dim (unbind's part) fills one index.
/// </summary>
public sealed class NarrowBackward() : LinearOp<(Shape Part, int Dim, int Start)>("SliceBackwardBackward0", Saves.Shapes)
{
    static readonly NarrowBackward Rule = new();

    /// <summary>Zeros of <paramref name="shape"/> holding <paramref name="x"/> from <paramref name="start"/> along <paramref name="dim"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape, int dim, int start) =>
        env => Rule.Record(env, Joining.Pad(x.Value, shape, dim, start), (x.Shape, dim, start), x);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Map((Shape Part, int Dim, int Start) s, Shape shape, Expr t) => Apply(t, shape, s.Dim, s.Start);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Adjoint((Shape Part, int Dim, int Start) s, Expr yBar) =>
        s.Part.Rank == yBar.Shape.Rank
            ? Narrow.Apply(yBar, s.Dim, s.Start, s.Part[s.Dim])
            : Narrow.UnbindPart(yBar, s.Dim, s.Start);
}
