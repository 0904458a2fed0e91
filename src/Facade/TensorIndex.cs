namespace Nabla;

/// <summary>
/// One entry of <c>x[...]</c>, as in PyTorch: an int (selects, removing the dim; negative counts from the end), an
/// <see cref="System.Index"/> such as <c>^1</c>, a <see cref="System.Range"/> such as <c>1..3</c> or <c>..</c> (slices,
/// clamped to the size, as Python's slices are), an Int64 tensor (advanced indexing), <see cref="Ellipsis"/> or
/// <see cref="NewAxis"/>.
/// </summary>
public readonly struct TensorIndex
{
    internal enum Kinds { Int, FromEnd, Range, Tensor, Ellipsis, NewAxis }

    internal Kinds Kind { get; }
    internal int Value { get; }
    internal Range Span { get; }
    internal Tensor? Tensor { get; }

    TensorIndex(Kinds kind, int value = 0, Range span = default, Tensor? tensor = null) =>
        (Kind, Value, Span, Tensor) = (kind, value, span, tensor);

    /// <summary><c>...</c>: as many full slices as the other entries leave dims.</summary>
    public static TensorIndex Ellipsis { get; } = new(Kinds.Ellipsis);

    /// <summary><c>None</c>: a new dim of size 1 at this place.</summary>
    public static TensorIndex NewAxis { get; } = new(Kinds.NewAxis);

    /// <summary>An int: x[i] selects position i (negative from the end) and removes the dim.</summary>
    public static implicit operator TensorIndex(int index) => new(Kinds.Int, index);

    /// <summary>An index such as ^1 (from the end): selects and removes the dim.</summary>
    public static implicit operator TensorIndex(Index index) => index.IsFromEnd ? new(Kinds.FromEnd, index.Value) : new(Kinds.Int, index.Value);

    /// <summary>A range such as 1..3, ..2 or ..: the slice [start, end) of the dim, clamped to its size.</summary>
    public static implicit operator TensorIndex(Range range) => new(Kinds.Range, span: range);

    /// <summary>An Int64 tensor of positions (advanced indexing: its shape takes the dim's place).</summary>
    public static implicit operator TensorIndex(Tensor index) => new(Kinds.Tensor, tensor: index ?? throw new ArgumentNullException(nameof(index)));

    /// <summary>The core's reading of this entry.</summary>
    internal Core.SubscriptItem Item => Kind switch
    {
        Kinds.Int => new Core.SubscriptItem.At(Value),
        Kinds.FromEnd => new Core.SubscriptItem.At(Value, FromEnd: true),
        Kinds.Range => new Core.SubscriptItem.Slice(Span),
        Kinds.Tensor => new Core.SubscriptItem.Positions(Tensor!.Value),
        Kinds.Ellipsis => new Core.SubscriptItem.Ellipsis(),
        _ => new Core.SubscriptItem.NewAxis(),
    };

    /// <summary>The entry as Python writes it.</summary>
    public override string ToString() => Kind switch
    {
        Kinds.Int => $"{Value}",
        Kinds.FromEnd => $"-{Value}",
        Kinds.Range => Span.Equals(Range.All) ? ":" : $"{Span}",
        Kinds.Tensor => "tensor",
        Kinds.Ellipsis => "...",
        _ => "None",
    };
}
