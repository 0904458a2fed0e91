using LanguageExt;
using Nabla.Core;

namespace Nabla;

public static partial class Autograd
{
    /// <summary>
    /// (f(x), vᵀ·∂f/∂x), as torch.autograd.functional.vjp: one reverse pass. With <paramref name="createGraph"/> the
    /// results are differentiable; otherwise they are detached. Calls nest without mixing perturbations.
    /// </summary>
    public static (Tensor Output, Tensor Vjp) Vjp(Func<Tensor, Tensor> f, Tensor x, Tensor v, bool createGraph = false) =>
        Pair(Transforms.Vjp(Lift(f), x.Expr, v.Expr), createGraph);

    /// <summary>
    /// (f(x), ∂f/∂x·v), as torch.autograd.functional.jvp but in true forward mode: tangents go through each op's JVP
    /// rule in one pass (PyTorch 1.13 uses two reverse passes).
    /// </summary>
    public static (Tensor Output, Tensor Jvp) Jvp(Func<Tensor, Tensor> f, Tensor x, Tensor v, bool createGraph = false) =>
        Pair(Transforms.Jvp(Lift(f), x.Expr, v.Expr), createGraph);

    /// <summary>
    /// ∂f/∂x with shape f(x).Shape ++ x.Shape: by rows (reverse mode) when f(x) is no larger than x, else by columns
    /// (forward mode), unless <paramref name="mode"/> says which (PyTorch's strategy argument).
    /// </summary>
    public static Tensor Jacobian(Func<Tensor, Tensor> f, Tensor x, bool createGraph = false, JacobianMode mode = JacobianMode.Auto) =>
        Single(Transforms.Jacobian(Lift(f), x.Expr, (Core.JacobianMode)mode), createGraph);

    /// <summary>∂²f/∂x² for f returning one element, shape x.Shape ++ x.Shape: forward mode over reverse mode.</summary>
    public static Tensor Hessian(Func<Tensor, Tensor> f, Tensor x, bool createGraph = false) =>
        Single(Transforms.Hessian(Lift(f), x.Expr), createGraph);

    /// <summary>∂²f/∂x²·v without forming the Hessian (torch.autograd.functional.hvp for symmetric Hessians): the JVP of ∇f along v.</summary>
    public static Tensor Hvp(Func<Tensor, Tensor> f, Tensor x, Tensor v, bool createGraph = false) =>
        Single(Transforms.Hvp(Lift(f), x.Expr, v.Expr), createGraph);

    // A facade function as a core one: it runs with the transform's environment as the current grad mode.
    static Func<Expr, Reader<GradEnv, Expr>> Lift(Func<Tensor, Tensor> f) =>
        x => env => ReaderResult<Expr>.New(GradMode.Within(_ => env, () => f(new Tensor(x)).Expr));

    // The caller's environment with recording on exactly when a differentiable result is asked for.
    static A RunTransform<A>(Reader<GradEnv, A> m, bool createGraph) =>
        GradMode.Run(GradEnv.WithGradEnabled(createGraph, m));

    static (Tensor, Tensor) Pair(Reader<GradEnv, (Expr, Expr)> m, bool createGraph)
    {
        var (a, b) = RunTransform(m, createGraph);
        return (Result(a, createGraph), Result(b, createGraph));
    }

    static Tensor Single(Reader<GradEnv, Expr> m, bool createGraph) => Result(RunTransform(m, createGraph), createGraph);

    static Tensor Result(Expr e, bool createGraph) => new(createGraph ? e : e with { Node = null });
}
