namespace Nabla.Core;

/// <summary>
/// y = the inputs joined along a dim (torch.cat, CatBackward0), or along a new dim (torch.stack, StackBackward0):
/// linear in every input, x̄ᵢ = ȳ narrowed to input i's place (<see cref="Narrow"/>), ẏ = the tangents joined the same way.
/// </summary>
public sealed class Cat(string name) : Op<(Shape[] Shapes, int Dim, bool Stack)>(name, Saves.Shapes)
{
    static readonly Cat Rule = new("CatBackward0"), StackRule = new("StackBackward0");

    /// <summary>The tensors joined along <paramref name="dim"/>; all have the same shape except there. Dtypes promote.</summary>
    public static Reader<GradEnv, Expr> Apply(IReadOnlyList<Expr> xs, int dim = 0) =>
        env =>
        {
            if (xs.Count == 0) throw new ArgumentException("cat: expected a non-empty list of Tensors");
            // PyTorch 1.13 still skips legacy empty 1-D inputs, shape [0], beside tensors of another rank.
            var first = xs.FirstOrDefault(x => !IsLegacyEmpty(x, xs)) ?? xs[0];
            for (var i = 0; i < xs.Count; i++)
                if (xs[i].Shape.Rank == 0) throw new ArgumentException($"cat: zero-dimensional tensor (at position {i}) cannot be concatenated");
            var d = first.Shape.NormalizeDim(dim, "cat");
            var dims = first.Shape.ToArray();
            dims[d] = 0;
            var dtype = xs[0].DType;
            var joined = new List<NdArray>(xs.Count);
            for (var i = 0; i < xs.Count; i++)
            {
                var x = xs[i];
                dtype = DTypes.Promote(dtype, x.DType);
                if (IsLegacyEmpty(x, xs)) continue;
                if (x.Shape.Rank != first.Shape.Rank)
                    throw new ArgumentException($"cat: Tensors must have same number of dimensions: got {first.Shape.Rank} and {x.Shape.Rank} (shapes {first.Shape} and {x.Shape})");
                for (var k = 0; k < dims.Length; k++)
                    if (k != d && x.Shape[k] != first.Shape[k])
                        throw new ArgumentException(
                            $"cat: Sizes of tensors must match except in dimension {d}. Expected size {first.Shape[k]} but got size " +
                            $"{x.Shape[k]} for tensor number {i} in the list (shapes {first.Shape} and {x.Shape}).");
                dims[d] += x.Shape[d];
                joined.Add(x.Value);
            }
            var shape = Shape.Of(dims);
            return Rule.Record(env, Joining.Cat(joined, d, shape, dtype), ([.. xs.Select(x => x.Shape)], d, false), xs);
        };

    /// <summary>The tensors, all of one shape, joined along a new dim <paramref name="dim"/> (0 ≤ dim ≤ rank, negative from the end).</summary>
    public static Reader<GradEnv, Expr> Stack(IReadOnlyList<Expr> xs, int dim = 0) =>
        env =>
        {
            if (xs.Count == 0) throw new ArgumentException("stack: expects a non-empty TensorList");
            var shape = xs[0].Shape;
            for (var i = 1; i < xs.Count; i++)
                if (!xs[i].Shape.Equals(shape))
                    throw new ArgumentException($"stack: expects each tensor to be equal size, but got {shape} at entry 0 and {xs[i].Shape} at entry {i}");
            var d = shape.Insert(0).NormalizeDim(dim, "stack");
            var one = shape.Insert(d);
            var dtype = xs.Aggregate(xs[0].DType, (t, x) => DTypes.Promote(t, x.DType));
            var dims = one.ToArray();
            dims[d] = xs.Count;
            var y = Joining.Cat([.. xs.Select(x => x.Value.WithShape(one))], d, Shape.Of(dims), dtype);
            return StackRule.Record(env, y, ([.. xs.Select(x => x.Shape)], d, true), xs);
        };

    static bool IsLegacyEmpty(Expr x, IReadOnlyList<Expr> xs) =>
        x.Shape.Rank == 1 && x.Shape[0] == 0 && xs.Any(o => o.Shape.Rank != 1);

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Vjp((Shape[] Shapes, int Dim, bool Stack) s, Expr? y, Expr yBar, int input)
    {
        if (s.Stack) return Narrow.UnbindPart(yBar, s.Dim, input);
        if (s.Shapes[input].Rank != yBar.Shape.Rank) return Reading.Pure(Expr.Constant(NdArray.Full(s.Shapes[input], 0, yBar.DType)));
        var start = 0;
        for (var i = 0; i < input; i++) if (s.Shapes[i].Rank == yBar.Shape.Rank) start += s.Shapes[i][s.Dim];
        return Narrow.Apply(yBar, s.Dim, start, s.Shapes[input][s.Dim]);
    }

    /// <inheritdoc/>
    protected internal override Reader<GradEnv, Expr> Jvp((Shape[] Shapes, int Dim, bool Stack) s, Expr? y, Shape shape, Expr?[] xDots)
    {
        var dtype = xDots.First(t => t is not null)!.DType;
        Expr[] tangents = [.. xDots.Select((t, i) => t ?? Expr.Constant(NdArray.Full(s.Shapes[i], 0, dtype)))];
        return s.Stack ? Stack(tangents, s.Dim) : Apply(tangents, s.Dim);
    }
}
