using LanguageExt;
using Nabla.Core.Numerics;
using static LanguageExt.Prelude;
using static Nabla.Core.Reading;

namespace Nabla.Core;

/// <summary>y = x viewed with another shape of the same size (one size may be −1). x̄ = ȳ viewed with x's shape.</summary>
public sealed class Reshape : Op<Shape>
{
    static readonly Reshape Rule = new();

    /// <inheritdoc/>
    public override string Name => "ViewBackward0";

    /// <inheritdoc/>
    protected internal override bool SavesTensors => false;

    /// <summary>x with shape <paramref name="shape"/>.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, Shape shape) =>
        env => Rule.Record(env, x.Value.WithShape(shape), x.Shape, x);

    /// <summary>x with the given sizes; one of them may be −1 and is then inferred.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x, int[] sizes) =>
        env => Rule.Record(env, x.Value.WithShape(Infer(sizes, x.Shape)), x.Shape, x);

    /// <inheritdoc/>
    protected internal override Seq<Reader<GradEnv, Expr>> Vjp(Shape shape, Expr? y, Expr yBar) => Seq1(Apply(yBar, shape));

    static Shape Infer(int[] sizes, Shape from)
    {
        var dims = (int[])sizes.Clone();
        var unknown = System.Array.IndexOf(dims, -1);
        if (unknown >= 0 && System.Array.LastIndexOf(dims, -1) != unknown)
            throw new ArgumentException("reshape: only one dimension can be inferred");
        if (unknown >= 0)
        {
            var known = 1;
            for (var i = 0; i < dims.Length; i++) if (i != unknown) known *= dims[i];
            if (known == 0 || from.Numel % known != 0)
                throw new ArgumentException($"reshape: shape [{string.Join(", ", sizes)}] is invalid for input of size {from.Numel}");
            dims[unknown] = from.Numel / known;
        }
        var shape = Shape.Of(dims);
        return shape.Numel == from.Numel ? shape
            : throw new ArgumentException($"reshape: shape [{string.Join(", ", sizes)}] is invalid for input of size {from.Numel}");
    }
}
