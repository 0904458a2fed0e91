namespace Nabla.Core;

/// <summary>A recorded application of a primitive: its inputs' nodes and what its derivative rule saved.</summary>
public abstract class OpNode : Node
{
    // Most ops have one to three inputs, kept in fields (an array would be an object more per recorded op); the few
    // with more (cat, stack) keep them all in an array instead.
    readonly Node? input0, input1, input2;
    readonly Node?[]? many;

    private protected OpNode(Shape shape, DType dtype, int arity, Node? input0, Node? input1, Node? input2) : base(shape, dtype)
    {
        Arity = arity;
        this.input0 = input0;
        this.input1 = input1;
        this.input2 = input2;
    }

    private protected OpNode(Shape shape, DType dtype, Node?[] inputs) : base(shape, dtype)
    {
        Arity = inputs.Length;
        many = inputs;
    }

    // Anomaly detection's traces, beside the nodes rather than in a field every node would carry.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpNode, string> traces = new();

    /// <summary>Where the op was recorded (a stack trace), kept only with anomaly detection on.</summary>
    public string? CreatedAt => traces.TryGetValue(this, out var trace) ? trace : null;

    /// <summary>Remembers <paramref name="trace"/> as where this node was recorded.</summary>
    private protected void Traced(string trace) => traces.AddOrUpdate(this, trace);

    /// <summary>Number of inputs of the op.</summary>
    public int Arity { get; }

    /// <summary>Input <paramref name="i"/>'s node, or null where that input does not require grad.</summary>
    public Node? Input(int i) => (uint)i < (uint)Arity
        ? many is not null ? many[i] : i switch { 0 => input0, 1 => input1, _ => input2 }
        : throw new ArgumentOutOfRangeException(nameof(i));

    /// <summary>One entry per input of the op: the input's node, or null where that input does not require grad.</summary>
    public IReadOnlyList<Node?> Inputs =>
        many is not null ? Array.AsReadOnly(many) : Arity switch { 1 => [input0], 2 => [input0, input1], _ => [input0, input1, input2] };

    /// <summary>ȳ ↦ the cotangent of input number <paramref name="input"/> (the op's VJP over its saved values).</summary>
    internal abstract Reader<GradEnv, Expr> Vjp(Expr yBar, int input);

    /// <summary>The output's tangent from the inputs' tangents (null where zero): the op's JVP over its saved values.</summary>
    internal abstract Reader<GradEnv, Expr> Jvp(Expr?[] xDots);

    /// <summary>Frees the saved tensors (PyTorch frees them after a backward unless retain_graph is set).</summary>
    internal abstract void Release();
}

/// <summary>An <see cref="OpNode"/> whose rule saved a value of type <typeparamref name="TSaved"/>.</summary>
internal sealed class OpNode<TSaved> : OpNode
{
    readonly Op<TSaved> op;
    // The only mutation in the core: saved tensors are dropped after use so their memory can be reclaimed,
    // exactly as PyTorch frees a graph's buffers after backward.
    TSaved? saved;
    Expr? output;
    bool released;

    OpNode(Op<TSaved> op, NdArray y, int arity, Node? input0, Node? input1, Node? input2, TSaved saved)
        : base(y.Shape, y.DType, arity, input0, input1, input2)
    {
        this.op = op;
        this.saved = saved;
    }

    OpNode(Op<TSaved> op, NdArray y, Node?[] inputs, TSaved saved) : base(y.Shape, y.DType, inputs)
    {
        this.op = op;
        this.saved = saved;
    }

    /// <summary>
    /// The output y of a newly recorded op, made by a node over the given inputs that keeps what the rule saved (and
    /// y itself when the rule reads it) and, with anomaly detection on, the <paramref name="trace"/> of the call.
    /// </summary>
    internal static Expr Recorded(Op<TSaved> op, NdArray y, int arity, Node? input0, Node? input1, Node? input2, TSaved saved, string? trace)
    {
        var node = new OpNode<TSaved>(op, y, arity, input0, input1, input2, saved);
        return node.Finish(op, y, trace);
    }

    /// <summary>As the other overload, for an op of any number of inputs (their nodes, null where none).</summary>
    internal static Expr Recorded(Op<TSaved> op, NdArray y, Node?[] inputs, TSaved saved, string? trace) =>
        new OpNode<TSaved>(op, y, inputs, saved).Finish(op, y, trace);

    Expr Finish(Op<TSaved> op, NdArray y, string? trace)
    {
        var output = new Expr(y, this);
        if (op.SavesOutput) this.output = output;
        if (trace is not null) Traced(trace);
        return output;
    }

    public override string Name => op.Name;

    internal override Reader<GradEnv, Expr> Vjp(Expr yBar, int input)
    {
        if (released)
            throw new InvalidOperationException(
                "Trying to backward through the graph a second time (or directly access saved tensors after they have " +
                "already been freed). Saved intermediate values of the graph are freed when you call Backward() or " +
                "Autograd.Grad(). Specify retainGraph: true if you need to backward through the graph a second time or " +
                "if you need to access saved tensors after calling backward.");
        return op.Vjp(saved!, output, yBar, input);
    }

    internal override Reader<GradEnv, Expr> Jvp(Expr?[] xDots)
    {
        if (released)
            throw new InvalidOperationException(
                "Trying to push tangents through a graph whose saved values were freed by a backward; record it again " +
                "or pass retainGraph: true to that backward.");
        return op.Jvp(saved!, output, Shape, xDots);
    }

    internal override void Release()
    {
        if (!op.SavesTensors) return;
        saved = default;
        output = null;
        released = true;
    }
}
