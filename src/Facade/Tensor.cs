using System.Runtime.CompilerServices;
using LanguageExt;
using Nabla.Core;
using static LanguageExt.Prelude;

namespace Nabla;

/// <summary>
/// A PyTorch-shaped tensor: an immutable core <see cref="Expr"/> plus the mutable slots PyTorch users expect on leaves
/// (<see cref="Grad"/>, <see cref="RequiresGrad"/>). Values are never written after creation.
/// </summary>
public sealed partial class Tensor
{
    // Leaves that require grad, by the node their gradients arrive at; weak, so dropped leaves are not kept alive.
    static readonly ConditionalWeakTable<LeafNode, Tensor> leaves = new();

    Expr expr;          // replaced only when a leaf's RequiresGrad is toggled
    LeafNode? leafNode; // this leaf's stable gradient slot, kept across toggles
    Tensor? grad;

    internal Tensor(Expr expr) => this.expr = expr;

    internal Expr Expr => expr;

    internal NdArray Value => expr.Value;

    /// <summary>A leaf holding <paramref name="value"/>, requiring grad when asked (floating dtypes only).</summary>
    internal static Tensor Leaf(NdArray value, bool requiresGrad) => Plain(value).SetRequiresGrad(requiresGrad);

    /// <summary>A tensor that does not require grad; an inference tensor when made in inference mode.</summary>
    internal static Tensor Plain(NdArray value) => new(new Expr(value, null) { IsInference = GradMode.Current.InferenceMode });

    /// <summary>The dtype new floating tensors get when none is given; Float32, as in PyTorch.</summary>
    public static DType DefaultDType
    {
        get => (DType)DTypes.DefaultFloating;
        set => DTypes.DefaultFloating = (Core.DType)value;
    }

    /// <summary>The sizes of the dimensions (a copy); empty for a scalar.</summary>
    public int[] Shape => Value.Shape.ToArray();

    /// <summary>Number of dimensions.</summary>
    public int Rank => Value.Shape.Rank;

    /// <summary>Number of elements.</summary>
    public int Numel => Value.Numel;

    /// <summary>The element type.</summary>
    public DType DType => (DType)Value.DType;

    const string NonLeafFlags = "you can only change requires_grad flags of leaf variables.";

    /// <summary>
    /// True when gradients flow to this tensor. Only leaves' flags can be set, as with PyTorch's attribute
    /// (use <see cref="SetRequiresGrad"/> for <c>requires_grad_()</c>, or <see cref="Detach"/>).
    /// </summary>
    public bool RequiresGrad
    {
        get => expr.RequiresGrad;
        set
        {
            if (!IsLeaf) throw NonLeafChange(value);
            ChangeLeafFlag(value);
        }
    }

    /// <summary>
    /// Sets <see cref="RequiresGrad"/> and returns this tensor (PyTorch's <c>requires_grad_()</c>); on a non-leaf,
    /// which already requires grad, true is allowed and false is an error.
    /// </summary>
    public Tensor SetRequiresGrad(bool requiresGrad = true)
    {
        if (IsLeaf) ChangeLeafFlag(requiresGrad);
        else if (!requiresGrad) throw NonLeafChange(false);
        return this;
    }

    static InvalidOperationException NonLeafChange(bool value) => new(value ? NonLeafFlags
        : NonLeafFlags + " If you want to use a computed variable in a subgraph that doesn't require differentiation " +
          "use var_no_grad = var.detach().");

    void ChangeLeafFlag(bool value)
    {
        if (value == RequiresGrad) return;
        if (!value) { expr = expr with { Node = null }; return; }
        if (!Value.DType.IsFloating())
            throw new InvalidOperationException("only Tensors of floating point and complex dtype can require gradients");
        if (IsInference && !Autograd.IsInferenceModeEnabled)
            throw new InvalidOperationException("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
        if (leafNode is null)
        {
            leafNode = new LeafNode(Value.Shape, Value.DType);
            leaves.Add(leafNode, this);
        }
        expr = expr with { Node = leafNode };
    }

    /// <summary>True for tensors made in <see cref="Autograd.InferenceMode"/> (PyTorch's <c>is_inference()</c>).</summary>
    public bool IsInference => expr.IsInference;

    /// <summary>True for tensors not made by a recorded op: user-created tensors and results made with grad disabled.</summary>
    public bool IsLeaf => expr.IsLeaf;

    /// <summary>The backward function that made this tensor; null for leaves.</summary>
    public GradFn? GradFn => expr.Node is OpNode op ? new GradFn(op) : null;

    /// <summary>
    /// ∂(what Backward was called on)/∂this, accumulated over backward calls; null until a backward reaches this
    /// leaf. Settable, for instance to null to reset it.
    /// </summary>
    public Tensor? Grad
    {
        get => Volatile.Read(ref grad);
        set
        {
            if (ReferenceEquals(value, this)) throw new ArgumentException("can't assign Variable as its own grad", nameof(value));
            if (value is not null && !value.Value.Shape.Equals(Value.Shape))
                throw new ArgumentException($"assigned grad has data of a different size: grad {value.Value.Shape}, tensor {Value.Shape}");
            if (value is not null && value.DType != DType)
                throw new ArgumentException($"assigned grad has data of a different type: grad {value.DType}, tensor {DType}");
            Volatile.Write(ref grad, value);
        }
    }

    /// <summary>
    /// Computes the gradient of this tensor with respect to graph leaves and accumulates it into their
    /// <see cref="Grad"/>. <paramref name="gradient"/> is the vector in the vector-Jacobian product (it may be
    /// omitted for a one-element tensor); <paramref name="inputs"/> restricts accumulation to those tensors.
    /// </summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false,
                         IReadOnlyList<Tensor>? inputs = null)
    {
        if (inputs is { Count: 0 }) throw new InvalidOperationException("'inputs' argument to backward() cannot be empty.");
        var seed = Seed(this, gradient, 0);
        var targets = inputs is null ? null : NodesOf(inputs);
        var options = new BackwardOptions(retainGraph || createGraph, createGraph,
                                          targets is null ? None : Some(targets.ToSeq()), GradientHook(createGraph));
        var grads = GradMode.Run(Backprop.Gradients(Seq1((expr, seed)), options));
        foreach (var (node, g) in grads)
        {
            var owner = node is LeafNode leaf && leaves.TryGetValue(leaf, out var t) ? t
                : inputs?.FirstOrDefault(i => ReferenceEquals(i.expr.Node, node));
            owner?.Accumulate(g, createGraph);
        }
    }

    /// <summary>The graph nodes of tensors gradients are asked for; each must require grad.</summary>
    internal static Node[] NodesOf(IReadOnlyList<Tensor> inputs) =>
        inputs.Select((t, i) => t.expr.Node
            ?? throw new InvalidOperationException($"One of the differentiated Tensors (inputs[{i}]) does not require grad")).ToArray();

    /// <summary>The seed for backward from <paramref name="output"/>: the given gradient, or 1 for a one-element output.</summary>
    internal static Expr Seed(Tensor output, Tensor? gradient, int index)
    {
        if (gradient is not null) return gradient.expr;
        if (!output.RequiresGrad)
            throw new InvalidOperationException($"element {index} of tensors does not require grad and does not have a grad_fn");
        if (output.Numel != 1)
            throw new InvalidOperationException("grad can be implicitly created only for scalar outputs");
        return Expr.Constant(NdArray.Full(output.Value.Shape, 1, output.Value.DType));
    }

    // .grad += g, atomically: backward passes on several threads into one leaf (a shared layer) each add their whole
    // contribution, as PyTorch's AccumulateGrad does under its lock. The sum is pure, so a lost race just adds again to
    // the newer value. With createGraph the sum is recorded so the gradient stays differentiable.
    void Accumulate(Expr g, bool createGraph)
    {
        var incoming = new Tensor(createGraph ? g : Expr.Constant(g.Value));
        while (true)
        {
            var seen = Volatile.Read(ref grad);
            var sum = seen is null ? incoming
                : new Tensor(GradMode.Run(GradEnv.WithGradEnabled(createGraph, Add.Apply(seen.expr, incoming.expr))));
            if (ReferenceEquals(Interlocked.CompareExchange(ref grad, sum, seen), seen)) return;
        }
    }

    /// <summary>
    /// Replaces a leaf's values, keeping its identity, flags and gradient slot: what an optimizer step or a loaded
    /// state does to a parameter (PyTorch's in-place update under no_grad). Graphs recorded before keep the values
    /// they saw.
    /// </summary>
    internal void Assign(NdArray value)
    {
        if (!IsLeaf) throw new InvalidOperationException("a leaf Variable that requires grad is being used in an in-place operation.");
        if (!value.Shape.Equals(Value.Shape) || value.DType != Value.DType)
            throw new ArgumentException($"cannot assign values of shape {value.Shape} ({value.DType.Name()}) to a tensor of shape {Value.Shape} ({Value.DType.Name()})");
        expr = expr with { Value = value };
    }

    /// <summary>Clears <see cref="Grad"/>: to null, or to zeros of this tensor's shape and dtype (what ZeroGrad does per parameter).</summary>
    internal void ClearGrad(bool setToNone)
    {
        if (Volatile.Read(ref grad) is not null) Volatile.Write(ref grad, setToNone ? null : Zeros(Shape, dtype: DType));
    }

    /// <summary>The same values as a new leaf that does not require grad; no gradient flows through it.</summary>
    public Tensor Detach() => new(expr with { Node = null });

    /// <summary>The value of a one-element tensor.</summary>
    public double Item() =>
        Numel == 1 ? Value[0]
        : throw new InvalidOperationException($"a Tensor with {Numel} elements cannot be converted to Scalar");

    /// <summary>The elements in row-major order, converted to double (a copy).</summary>
    public double[] ToArray() => Value.ToDoubles();

    /// <summary>
    /// The elements in row-major order as Int64 (a copy): exact for an Int64 tensor. A floating tensor's values are
    /// truncated toward zero, as <c>To(DType.Int64)</c> and PyTorch's <c>.long().tolist()</c> do; NaN gives 0 and values
    /// beyond Int64's range saturate (.NET's conversion; PyTorch leaves them undefined).
    /// </summary>
    public long[] ToInt64Array() => Value.Cast(Core.DType.Int64).Span<long>().ToArray();

    /// <summary>PyTorch's repr: <c>tensor([1., 2.], requires_grad=True)</c>, <c>tensor(29., grad_fn=&lt;AddBackward0&gt;)</c>.</summary>
    public override string ToString() =>
        TensorFormat.Repr(Value, (Core.DType)DefaultDType, expr.Node is OpNode op ? op.Name : null, RequiresGrad);
}
