namespace Nabla.Core;

/// <summary>What a recorded node keeps for an op's rules.</summary>
public enum Saves
{
    /// <summary>Tensors (inputs, masks) in the saved value; freed by a backward without retainGraph.</summary>
    Tensors,
    /// <summary>As <see cref="Tensors"/>, and the op's own output too (exp, tanh, ...).</summary>
    Output,
    /// <summary>Only shapes and numbers, kept after a backward, so the graph may be run again.</summary>
    Shapes,
}

/// <summary>
/// A primitive's derivative rules. Each op is a small sealed class: a static <c>Apply</c> (the forward rule,
/// a <c>Reader&lt;GradEnv, Expr&gt;</c>) and, beside it, its VJP, one cotangent per input. What the VJP needs is saved as a
/// <typeparamref name="TSaved"/> value, and only when the op is recorded.
/// </summary>
public abstract class Op<TSaved>(string name, Saves saves = Saves.Tensors, bool isView = false)
{
    /// <summary>PyTorch's grad_fn name, such as <c>MulBackward0</c>.</summary>
    public string Name { get; } = name;

    /// <summary>True when the VJP reads the op's own output (exp, tanh, ...); the node then keeps it.</summary>
    protected internal bool SavesOutput => saves == Saves.Output;

    /// <summary>
    /// True when the saved value holds tensors. Ops that save only shapes (add, sum, ...) keep them after a
    /// backward, so such graphs may be run again, as in PyTorch.
    /// </summary>
    protected internal bool SavesTensors => saves != Saves.Shapes;

    /// <summary>
    /// True for PyTorch's view ops (reshape, unsqueeze, squeeze, transpose, select, expand): a view of an inference
    /// tensor is an inference tensor, also outside inference mode.
    /// </summary>
    protected internal bool IsView => isView;

    /// <summary>
    /// The VJP, one entry per input: given what the forward saved, the output <paramref name="y"/> (only when
    /// <see cref="SavesOutput"/>) and the output cotangent <paramref name="yBar"/>, the cotangent of input number
    /// <paramref name="input"/>. Backward asks only for the inputs that require grad, so the others are never built.
    /// </summary>
    protected internal abstract Reader<GradEnv, Expr> Vjp(TSaved saved, Expr? y, Expr yBar, int input);

    /// <summary>
    /// The JVP, forward mode: given what the forward saved, the output <paramref name="y"/> (only when
    /// <see cref="SavesOutput"/>), the output's shape, and one tangent per input (null where that input's tangent is
    /// zero, never all null), the output's tangent ẏ = Σᵢ ∂y/∂xᵢ · ẋᵢ, built from ops so it can be differentiated again.
    /// </summary>
    protected internal abstract Reader<GradEnv, Expr> Jvp(TSaved saved, Expr? y, Shape shape, Expr?[] xDots);

    /// <summary>
    /// Σᵢ term(i, ẋᵢ) over the inputs whose tangent is not null (at least one is): a JVP that is a sum of one linear term
    /// per input, ẏ = Σᵢ (∂y/∂xᵢ)·ẋᵢ, written once for every kind; the terms broadcast against each other.
    /// </summary>
    protected static Reader<GradEnv, Expr> SumOfTerms(Expr?[] xDots, Func<int, Expr, Reader<GradEnv, Expr>> term) =>
        env =>
        {
            Expr? sum = null;
            for (var i = 0; i < xDots.Length; i++)
                if (xDots[i] is { } t)
                {
                    var ti = term(i, t)(env).Unwrap();
                    sum = sum is null ? ti : Add.Apply(sum, ti)(env).Unwrap();
                }
            return ReaderResult<Expr>.New(sum ?? throw new ArgumentException("a JVP needs at least one tangent", nameof(xDots)));
        };

    /// <summary>The output of a one-input op: recorded only with grad enabled and an input that requires grad.</summary>
    protected ReaderResult<Expr> Record(GradEnv env, NdArray y, TSaved saved, Expr x) =>
        ReaderResult<Expr>.New(
            env.GradEnabled && x.RequiresGrad && y.DType.IsFloating()
                ? OpNode<TSaved>.Recorded(this, y, 1, CheckSaved(x).Node, null, null, saved, Trace(env))
                : Result(env.InferenceMode || IsView && x.IsInference, y));

    /// <summary>The output of a two-input op: recorded only with grad enabled and an input that requires grad.</summary>
    protected ReaderResult<Expr> Record(GradEnv env, NdArray y, TSaved saved, Expr a, Expr b) =>
        ReaderResult<Expr>.New(
            env.GradEnabled && (a.RequiresGrad || b.RequiresGrad) && y.DType.IsFloating()
                ? OpNode<TSaved>.Recorded(this, y, 2, CheckSaved(a).Node, CheckSaved(b).Node, null, saved, Trace(env))
                : Result(env.InferenceMode, y));

    /// <summary>The output of a three-input op: recorded only with grad enabled and an input that requires grad.</summary>
    protected ReaderResult<Expr> Record(GradEnv env, NdArray y, TSaved saved, Expr a, Expr b, Expr c) =>
        ReaderResult<Expr>.New(
            env.GradEnabled && (a.RequiresGrad || b.RequiresGrad || c.RequiresGrad) && y.DType.IsFloating()
                ? OpNode<TSaved>.Recorded(this, y, 3, CheckSaved(a).Node, CheckSaved(b).Node, CheckSaved(c).Node, saved, Trace(env))
                : Result(env.InferenceMode, y));

    /// <summary>The output of an op of any number of inputs: recorded only with grad enabled and an input that requires grad.</summary>
    protected ReaderResult<Expr> Record(GradEnv env, NdArray y, TSaved saved, IReadOnlyList<Expr> inputs)
    {
        var any = false;
        foreach (var x in inputs) any |= x.RequiresGrad;
        if (!(env.GradEnabled && any && y.DType.IsFloating())) return ReaderResult<Expr>.New(Result(env.InferenceMode, y));
        var nodes = new Node?[inputs.Count];
        for (var i = 0; i < nodes.Length; i++) nodes[i] = CheckSaved(inputs[i]).Node;
        return ReaderResult<Expr>.New(OpNode<TSaved>.Recorded(this, y, nodes, saved, Trace(env)));
    }

    // With anomaly detection on, a node remembers the call that recorded it (PyTorch keeps the forward traceback).
    static string? Trace(GradEnv env) => env.DetectAnomaly ? new System.Diagnostics.StackTrace(2, true).ToString() : null;

    // An unrecorded result: a plain constant, or an inference tensor (made in inference mode, or a view of one).
    static Expr Result(bool inference, NdArray y) => inference ? new Expr(y, null) { IsInference = true } : Expr.Constant(y);

    Expr CheckSaved(Expr input) =>
        input.IsInference && SavesTensors
            ? throw new InvalidOperationException(
                "Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal " +
                "tensor and use it in autograd.")
            : input;
}
