using Nabla.Core;
using Nabla.Core.Numerics;

namespace Nabla;

public sealed partial class Tensor
{
    /// <summary>A Bool tensor holding a copy of <paramref name="data"/>, 1-D unless a shape is given; never requires grad.</summary>
    public static Tensor From(bool[] data, int[]? shape = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Leaf(NdArray.From(data, shape is null ? Core.Shape.Of(data.Length) : ShapeOf(shape)), false);
    }

    // A Python number next to this tensor, as PyTorch wraps it: in this tensor's dtype when that is floating
    // (torch.eq(x, 0.1) compares in x's dtype); next to an Int64 or Bool tensor an Int64 scalar when whole (exact),
    // else one of the default floating dtype.
    Expr Wrapped(double value) =>
        Value.DType.IsFloating() ? Number(value)
        : double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < 9.2e18 ? Number((long)value)
        : Expr.Scalar(value, DTypes.DefaultFloating);

    /// <summary>x = y elementwise with broadcasting, as Bool (torch.eq); never requires grad.</summary>
    public Tensor Eq(Tensor other) => Run(Compare.Apply(CompareKind.Eq, expr, other.expr));
    /// <summary>x = s elementwise, as Bool (torch.eq).</summary>
    public Tensor Eq(double other) => Run(Compare.Apply(CompareKind.Eq, expr, Wrapped(other)));
    /// <summary>x ≠ y elementwise with broadcasting, as Bool (torch.ne); never requires grad.</summary>
    public Tensor Ne(Tensor other) => Run(Compare.Apply(CompareKind.Ne, expr, other.expr));
    /// <summary>x ≠ s elementwise, as Bool (torch.ne).</summary>
    public Tensor Ne(double other) => Run(Compare.Apply(CompareKind.Ne, expr, Wrapped(other)));
    /// <summary>x &lt; y elementwise with broadcasting, as Bool (torch.lt); never requires grad.</summary>
    public Tensor Lt(Tensor other) => Run(Compare.Apply(CompareKind.Lt, expr, other.expr));
    /// <summary>x &lt; s elementwise, as Bool (torch.lt).</summary>
    public Tensor Lt(double other) => Run(Compare.Apply(CompareKind.Lt, expr, Wrapped(other)));
    /// <summary>x ≤ y elementwise with broadcasting, as Bool (torch.le); never requires grad.</summary>
    public Tensor Le(Tensor other) => Run(Compare.Apply(CompareKind.Le, expr, other.expr));
    /// <summary>x ≤ s elementwise, as Bool (torch.le).</summary>
    public Tensor Le(double other) => Run(Compare.Apply(CompareKind.Le, expr, Wrapped(other)));
    /// <summary>x &gt; y elementwise with broadcasting, as Bool (torch.gt); never requires grad.</summary>
    public Tensor Gt(Tensor other) => Run(Compare.Apply(CompareKind.Gt, expr, other.expr));
    /// <summary>x &gt; s elementwise, as Bool (torch.gt).</summary>
    public Tensor Gt(double other) => Run(Compare.Apply(CompareKind.Gt, expr, Wrapped(other)));
    /// <summary>x ≥ y elementwise with broadcasting, as Bool (torch.ge); never requires grad.</summary>
    public Tensor Ge(Tensor other) => Run(Compare.Apply(CompareKind.Ge, expr, other.expr));
    /// <summary>x ≥ s elementwise, as Bool (torch.ge).</summary>
    public Tensor Ge(double other) => Run(Compare.Apply(CompareKind.Ge, expr, Wrapped(other)));

    /// <summary>¬x elementwise, x read as Bool (nonzero is true; torch.logical_not).</summary>
    public Tensor LogicalNot() => Run(Logical.Apply(null, expr));
    /// <summary>x ∧ y elementwise with broadcasting, both read as Bool (torch.logical_and).</summary>
    public Tensor LogicalAnd(Tensor other) => Run(Logical.Apply(LogicKind.And, expr, other.expr));
    /// <summary>x ∨ y elementwise with broadcasting, both read as Bool (torch.logical_or).</summary>
    public Tensor LogicalOr(Tensor other) => Run(Logical.Apply(LogicKind.Or, expr, other.expr));
    /// <summary>∃i: xᵢ ≠ 0, a 0-dimensional Bool (torch.any).</summary>
    public Tensor Any() => Run(AnyAll.Apply(expr, all: false));
    /// <summary>∀i: xᵢ ≠ 0, a 0-dimensional Bool (torch.all).</summary>
    public Tensor All() => Run(AnyAll.Apply(expr, all: true));

    /// <summary>y = value where mask (Bool, broadcast with x), else x; x's dtype (MaskedFillBackward0: zero gradient where filled).</summary>
    public Tensor MaskedFill(Tensor mask, double value) => Run(Core.MaskedFill.Apply(expr, mask.Value, value));

    /// <summary>
    /// y = min(max(x, min), max), a bound left out not applied (ClampBackward1: gradient 1 where min ≤ x ≤ max); an
    /// Int64 tensor stays Int64 for integral bounds.
    /// </summary>
    public Tensor Clamp(double? min = null, double? max = null) => Run(Core.Clamp.Apply(expr, min, max));
    /// <summary>y = max(x, min) (ClampMinBackward0: gradient 1 where x ≥ min).</summary>
    public Tensor ClampMin(double min) => Run(Core.Clamp.Apply(expr, min, null, "clamp_min"));
    /// <summary>y = min(x, max) (ClampMaxBackward0: gradient 1 where x ≤ max).</summary>
    public Tensor ClampMax(double max) => Run(Core.Clamp.Apply(expr, null, max, "clamp_max"));

    /// <summary>y = condition ? x : y elementwise, the three broadcast together; condition Bool (WhereBackward0).</summary>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y) => Run(WhereTensor.Apply(condition.Value, x.expr, y.expr));
    /// <summary>condition ? x : s elementwise; an integral s keeps an Int64 x Int64.</summary>
    public static Tensor Where(Tensor condition, Tensor x, double y) => Run(WhereTensor.Apply(condition.Value, x.expr, x.Wrapped(y)));
    /// <summary>condition ? s : y elementwise; an integral s keeps an Int64 y Int64.</summary>
    public static Tensor Where(Tensor condition, double x, Tensor y) => Run(WhereTensor.Apply(condition.Value, y.Wrapped(x), y.expr));
}
