using System.Runtime.CompilerServices;
using Nabla.Core;

namespace Nabla;

public sealed partial class Tensor
{
    // Hooks and retained gradients live with the graph node they watch, and go when it goes.
    static readonly ConditionalWeakTable<Node, List<Func<Tensor, Tensor?>>> hooks = new();
    static readonly ConditionalWeakTable<Node, Tensor> retained = new();

    /// <summary>
    /// Registers <paramref name="hook"/> to see this tensor's gradient each time one is computed, in Backward and in
    /// Autograd.Grad; a non-null result replaces the gradient (for a leaf, before it is accumulated). Disposing the
    /// handle removes the hook (PyTorch's register_hook).
    /// </summary>
    public IDisposable RegisterHook(Func<Tensor, Tensor?> hook)
    {
        if (expr.Node is not { } node)
            throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
        var list = hooks.GetOrCreateValue(node);
        list.Add(hook);
        return new HookHandle(list, hook);
    }

    /// <summary>Makes Backward fill this non-leaf's <see cref="Grad"/> too (leaves always get theirs); PyTorch's retain_grad().</summary>
    public void RetainGrad()
    {
        if (expr.Node is not { } node)
            throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
        if (node is OpNode) retained.AddOrUpdate(node, this);
    }

    /// <summary>True for a non-leaf after <see cref="RetainGrad"/> (false for leaves, as in PyTorch).</summary>
    public bool RetainsGrad => expr.Node is OpNode node && retained.TryGetValue(node, out var t) && ReferenceEquals(t, this);

    /// <summary>
    /// The hook Backprop calls with each completed cotangent: user hooks in order, then retained gradients. As in PyTorch,
    /// Autograd.Grad runs hooks on non-leaves only and fills no retained gradient.
    /// </summary>
    internal static Func<Node, Expr, Expr> GradientHook(bool createGraph, bool backward) => (node, g) =>
    {
        if ((backward || node is OpNode) && hooks.TryGetValue(node, out var list))
            foreach (var hook in list.ToArray())
                if (hook(new Tensor(createGraph ? g : Expr.Constant(g.Value))) is { } replaced)
                {
                    if (!replaced.Value.Shape.Equals(g.Shape))
                        throw new InvalidOperationException($"hook returned a gradient of shape {replaced.Value.Shape}, expected {g.Shape}");
                    g = replaced.expr;
                }
        if (backward && node is OpNode && retained.TryGetValue(node, out var owner)) owner.Accumulate(g, createGraph);
        return g;
    };

    sealed class HookHandle(List<Func<Tensor, Tensor?>> list, Func<Tensor, Tensor?> hook) : IDisposable
    {
        public void Dispose() => list.Remove(hook);
    }
}
