namespace Nabla.Core;

/// <summary>A recorded application of a primitive: its inputs' nodes and what its derivative rule saved.</summary>
public abstract class OpNode : Node
{
    // Ops have one to three inputs; keeping them in fields rather than an array saves an object per recorded op.
    readonly Node? input0, input1, input2;

    private protected OpNode(Shape shape, DType dtype, int arity, Node? input0, Node? input1, Node? input2) : base(shape, dtype)
    {
        Arity = arity;
        this.input0 = input0;
        this.input1 = input1;
        this.input2 = input2;
    }

    /// <summary>Where the op was recorded (a stack trace), kept only with anomaly detection on.</summary>
    public string? CreatedAt { get; internal init; }

    /// <summary>Number of inputs of the op.</summary>
    public int Arity { get; }

    /// <summary>Input <paramref name="i"/>'s node, or null where that input does not require grad.</summary>
    public Node? Input(int i) => (uint)i < (uint)Arity
        ? i switch { 0 => input0, 1 => input1, _ => input2 }
        : throw new ArgumentOutOfRangeException(nameof(i));

    /// <summary>One entry per input of the op: the input's node, or null where that input does not require grad.</summary>
    public IReadOnlyList<Node?> Inputs => Arity switch { 1 => [input0], 2 => [input0, input1], _ => [input0, input1, input2] };

    /// <summary>ȳ ↦ the cotangent of input number <paramref name="input"/> (the op's VJP over its saved values).</summary>
    internal abstract Reader<GradEnv, Expr> Vjp(Expr yBar, int input);

    /// <summary>The output's tangent from the inputs' tangents (null where zero): the op's JVP over its saved values.</summary>
    internal abstract Reader<GradEnv, Expr> Jvp(Expr?[] xDots);

    /// <summary>Frees the saved tensors (PyTorch frees them after a backward unless retain_graph is set).</summary>
    internal abstract void Release();
}

/// <summary>An <see cref="OpNode"/> whose rule saved a value of type <typeparamref name="TSaved"/>.</summary>
internal sealed class OpNode<TSaved>(Op<TSaved> op, NdArray output, int arity, Node? input0, Node? input1, Node? input2, TSaved saved)
    : OpNode(output.Shape, output.DType, arity, input0, input1, input2)
{
    // The only mutation in the core: saved tensors are dropped after use so their memory can be reclaimed,
    // exactly as PyTorch frees a graph's buffers after backward.
    TSaved? saved = saved;
    NdArray? output = op.SavesOutput ? output : null;
    bool released;

    public override string Name => op.Name;

    internal override Reader<GradEnv, Expr> Vjp(Expr yBar, int input)
    {
        if (released)
            throw new InvalidOperationException(
                "Trying to backward through the graph a second time (or directly access saved tensors after they have " +
                "already been freed). Saved intermediate values of the graph are freed when you call Backward() or " +
                "Autograd.Grad(). Specify retainGraph: true if you need to backward through the graph a second time or " +
                "if you need to access saved tensors after calling backward.");
        return op.Vjp(saved!, output is null ? null : new Expr(output, this), yBar, input);
    }

    internal override Reader<GradEnv, Expr> Jvp(Expr?[] xDots)
    {
        if (released)
            throw new InvalidOperationException(
                "Trying to push tangents through a graph whose saved values were freed by a backward; record it again " +
                "or pass retainGraph: true to that backward.");
        return op.Jvp(saved!, output is null ? null : new Expr(output, this), Shape, xDots);
    }

    internal override void Release()
    {
        if (!op.SavesTensors) return;
        saved = default;
        output = null;
        released = true;
    }
}
