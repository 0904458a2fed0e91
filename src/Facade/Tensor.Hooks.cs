using System.Runtime.CompilerServices;
using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    // Hooks and retained gradients live with the graph node they watch, and go when it goes.
    static readonly ConditionalWeakTable<Node, NodeHooks> hooks = new();

    // Until the first hook or RetainGrad, backward runs without the per-node lookup.
    static volatile bool anyHooks;

    /// <summary>A registered tensor hook and its name as PyTorch prints it in errors.</summary>
    sealed record Hook(Func<Tensor, Tensor?> Function, string Name);

    /// <summary>
    /// A node's tensor hooks in registration order and the tensor whose Grad RetainGrad fills. Registering and removing
    /// replace the array under a lock (copy on write), so a backward on another thread reads a consistent snapshot
    /// without taking the lock.
    /// </summary>
    sealed class NodeHooks
    {
        volatile Hook[] functions = [];

        /// <summary>The non-leaf tensor whose Grad is filled with this node's gradient, after every hook (PyTorch 2.x).</summary>
        public volatile Tensor? Retains;

        public Hook[] Functions => functions;

        public void Add(Hook hook)
        {
            lock (this) functions = [.. functions, hook];
        }

        // Removes this registration (by identity: the same function registered twice has two handles).
        public void Remove(Hook hook)
        {
            lock (this)
            {
                var at = Array.FindIndex(functions, h => ReferenceEquals(h, hook));
                if (at >= 0) functions = [.. functions[..at], .. functions[(at + 1)..]];
            }
        }
    }

    /// <summary>
    /// Registers <paramref name="hook"/> to see this tensor's gradient each time one is computed, in Backward and in
    /// Autograd.Grad; a non-null result replaces the gradient (for a leaf, before it is accumulated). The hook runs
    /// under the backward's grad mode: recorded, and so differentiable, when the backward has createGraph. It must keep
    /// the gradient's shape and dtype. Disposing the handle removes the hook (PyTorch's register_hook).
    /// </summary>
    public IDisposable RegisterHook(Func<Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (expr.Node is not { } node)
            throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
        // Anonymous functions get PyTorch's name for a lambda; their compiler-made names contain '<'.
        var entry = new Hook(hook, hook.Method.Name.Contains('<') ? "<lambda>" : hook.Method.Name);
        var list = hooks.GetOrCreateValue(node);
        list.Add(entry);
        anyHooks = true;
        return new HookHandle(list, entry);
    }

    /// <summary>
    /// Makes Backward and Autograd.Grad fill this non-leaf's <see cref="Grad"/> too (leaves always get theirs); PyTorch's
    /// retain_grad(). The retained gradient is the one after all of the tensor's hooks, whenever they were registered.
    /// </summary>
    public void RetainGrad()
    {
        if (expr.Node is not { } node)
            throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
        if (node is not OpNode) return;
        hooks.GetOrCreateValue(node).Retains ??= this;
        anyHooks = true;
    }

    /// <summary>True for a non-leaf after <see cref="RetainGrad"/> (false for leaves, as in PyTorch).</summary>
    public bool RetainsGrad => expr.Node is OpNode node && hooks.TryGetValue(node, out var list) && ReferenceEquals(list.Retains, this);

    /// <summary>
    /// The hook Backprop calls with each completed cotangent: the node's hooks in registration order, run in the
    /// backward's environment, then its retained gradient. For Autograd.Grad the hooks of the inputs run too, leaves
    /// included (PyTorch 2.x; 1.13 skipped them).
    /// </summary>
    internal static Func<GradEnv, Node, Expr, Expr>? GradientHook(bool createGraph) => !anyHooks ? null : (env, node, g) =>
    {
        if (!hooks.TryGetValue(node, out var list)) return g;
        var functions = list.Functions;
        if (functions.Length > 0)
            g = GradMode.Within(_ => env, () =>
            {
                foreach (var hook in functions)
                    if (hook.Function(new Tensor(createGraph ? g : Expr.Constant(g.Value))) is { } replaced)
                        g = Checked(hook, g, replaced).expr;
                return g;
            });
        list.Retains?.Accumulate(g, createGraph);
        return g;
    };

    // PyTorch's check of a hook's result (python_hook.cpp): the same type and size as the gradient it replaces.
    static Tensor Checked(Hook hook, Expr g, Tensor replaced)
    {
        if (replaced.Value.DType != g.DType)
            throw new InvalidOperationException(
                $"hook '{hook.Name}' has changed the type of value (was {TorchType(g.DType)} got {TorchType(replaced.Value.DType)})");
        if (!replaced.Value.Shape.Equals(g.Shape))
            throw new InvalidOperationException(
                $"hook '{hook.Name}' has changed the size of value (was {g.Shape} got {replaced.Value.Shape})");
        return replaced;
    }

    static string TorchType(Core.DType dtype) => dtype switch
    {
        Core.DType.Float32 => "torch.FloatTensor",
        Core.DType.Float64 => "torch.DoubleTensor",
        Core.DType.Int64 => "torch.LongTensor",
        _ => "torch.BoolTensor",
    };

    sealed class HookHandle(NodeHooks list, Hook hook) : IDisposable
    {
        public void Dispose() => list.Remove(hook);
    }
}
