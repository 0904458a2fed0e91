namespace Nabla.Core;

/// <summary>
/// The kind of a one-input elementwise op computed by one kernel, y = f(x): an <see cref="ElementwiseOp{TSaved}"/>
/// whose forward rule is the kernel, so the op states only its name, kernel, what it keeps and its partial derivative
/// t ↦ f′ ⊙ t, written from x (kept with <see cref="Saves.Tensors"/>), y (kept with <see cref="Saves.Output"/>) or
/// neither (<see cref="Saves.Shapes"/>). A new such op is one declaration:
/// <code>public sealed class Sin() : UnaryOp&lt;Sin&gt;("SinBackward0", UnaryKernel.Sin, Saves.Tensors,
///     (x, y, t) =&gt; from c in Cos.Apply(x!) from r in Mul.Apply(t, c) select r);</code>
/// </summary>
/// <typeparam name="TSelf">The op itself, whose one instance records the nodes.</typeparam>
public abstract class UnaryOp<TSelf> : ElementwiseOp<Expr?> where TSelf : UnaryOp<TSelf>, new()
{
    static readonly TSelf Rule = new();
    readonly UnaryKernel kernel;
    readonly Func<Expr?, Expr?, Expr, Reader<GradEnv, Expr>> partial;

    private protected UnaryOp(string name, UnaryKernel kernel, Saves saves, Func<Expr?, Expr?, Expr, Reader<GradEnv, Expr>> partial)
        : base(name, saves)
    {
        this.kernel = kernel;
        this.partial = partial;
    }

    /// <summary>f(x) elementwise (Int64 x computes in the default floating dtype where f is only for floats).</summary>
    public static Reader<GradEnv, Expr> Apply(Expr x) =>
        env => Rule.Record(env, Elementwise.Unary(Rule.kernel, x.Value), Rule.SavesTensors && !Rule.SavesOutput ? x : null, x);

    /// <summary>(∂y/∂x) ⊙ t, from the saved x or the output y.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Partial(Expr? x, Expr? y, int input, Expr t) => partial(x, y, t);
}

/// <summary>
/// The kind of a fused activation VJP, g = ȳ ⊙ f′(y) from the activation's output y (PyTorch's tanh_backward,
/// sigmoid_backward), a primitive so it can be differentiated again: ∂g/∂ȳ ⊙ t is the op itself at (t, y), and the op
/// states ∂g/∂y ⊙ t as a function of (ȳ, y, t).
/// </summary>
/// <typeparam name="TSelf">The op itself, whose one instance records the nodes.</typeparam>
public abstract class ActivationBackwardOp<TSelf> : ElementwiseOp<(Expr YBar, Expr Y)> where TSelf : ActivationBackwardOp<TSelf>, new()
{
    static readonly TSelf Rule = new();
    readonly UnaryKernel activation;
    readonly Func<Expr, Expr, Expr, Reader<GradEnv, Expr>> byOutput;

    private protected ActivationBackwardOp(string name, UnaryKernel activation, Func<Expr, Expr, Expr, Reader<GradEnv, Expr>> byOutput)
        : base(name)
    {
        this.activation = activation;
        this.byOutput = byOutput;
    }

    /// <summary>ȳ ⊙ f′ for the activation's output y.</summary>
    public static Reader<GradEnv, Expr> Apply(Expr yBar, Expr y) =>
        env => Rule.Record(env, Elementwise.ActivationGrad(Rule.activation, yBar.Value, y.Value), (yBar, y), yBar, y);

    /// <summary>∂g/∂ȳ ⊙ t = the op at (t, y); ∂g/∂y ⊙ t as the op states it.</summary>
    protected internal sealed override Reader<GradEnv, Expr> Partial((Expr YBar, Expr Y) saved, Expr? g, int input, Expr t) =>
        input == 0 ? Apply(t, saved.Y) : byOutput(saved.YBar, saved.Y, t);
}
