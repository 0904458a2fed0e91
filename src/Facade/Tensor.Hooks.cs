using System.Runtime.CompilerServices;
using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    // Hooks and retained gradients live with the graph node they watch, and go when it goes.
    // A node's hooks in registration order; RetainGrad's entry has no function and names the tensor whose Grad it fills,
    // so, as in PyTorch 1.13, a retained gradient sees the hooks registered before RetainGrad and not those after.
    static readonly ConditionalWeakTable<Node, List<Hook>> hooks = new();

    sealed record Hook(Func<Tensor, Tensor?>? Function, Tensor? Retains);

    // Until the first hook or RetainGrad, backward runs without the per-node lookup.
    static volatile bool anyHooks;

    /// <summary>
    /// Registers <paramref name="hook"/> to see this tensor's gradient each time one is computed, in Backward and in
    /// Autograd.Grad; a non-null result replaces the gradient (for a leaf, before it is accumulated). Disposing the
    /// handle removes the hook (PyTorch's register_hook).
    /// </summary>
    public IDisposable RegisterHook(Func<Tensor, Tensor?> hook)
    {
        if (expr.Node is not { } node)
            throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
        anyHooks = true;
        var list = hooks.GetOrCreateValue(node);
        var entry = new Hook(hook, null);
        list.Add(entry);
        return new HookHandle(list, entry);
    }

    /// <summary>Makes Backward fill this non-leaf's <see cref="Grad"/> too (leaves always get theirs); PyTorch's retain_grad().</summary>
    public void RetainGrad()
    {
        if (expr.Node is not { } node)
            throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
        if (node is not OpNode || RetainsGrad) return;
        anyHooks = true;
        hooks.GetOrCreateValue(node).Add(new Hook(null, this));
    }

    /// <summary>True for a non-leaf after <see cref="RetainGrad"/> (false for leaves, as in PyTorch).</summary>
    public bool RetainsGrad => expr.Node is OpNode node && hooks.TryGetValue(node, out var list) && list.Any(h => ReferenceEquals(h.Retains, this));

    /// <summary>
    /// The hook Backprop calls with each completed cotangent: the node's hooks and retained gradients in registration order. As in PyTorch,
    /// Autograd.Grad runs hooks on non-leaves only and fills no retained gradient.
    /// </summary>
    internal static Func<Node, Expr, Expr>? GradientHook(bool createGraph, bool backward) => !anyHooks ? null : (node, g) =>
    {
        if ((!backward && node is not OpNode) || !hooks.TryGetValue(node, out var list)) return g;
        foreach (var hook in list.ToArray())
        {
            if (hook.Retains is { } owner)
            {
                if (backward) owner.Accumulate(g, createGraph);
            }
            else if (hook.Function!(new Tensor(createGraph ? g : Expr.Constant(g.Value))) is { } replaced)
            {
                if (!replaced.Value.Shape.Equals(g.Shape))
                    throw new InvalidOperationException($"hook returned a gradient of shape {replaced.Value.Shape}, expected {g.Shape}");
                g = replaced.expr;
            }
        }
        return g;
    };

    sealed class HookHandle(List<Hook> list, Hook hook) : IDisposable
    {
        public void Dispose() => list.Remove(hook);
    }
}
