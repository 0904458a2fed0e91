using LanguageExt;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>What a backward pass should do besides computing gradients.</summary>
/// <param name="RetainGraph">Keep saved tensors so the graph can be run again (implied by CreateGraph, as in PyTorch).</param>
/// <param name="CreateGraph">Record the backward computation itself, so gradients are differentiable.</param>
/// <param name="Targets">When given, only these nodes' gradients are computed and returned; otherwise every leaf's.</param>
public sealed record BackwardOptions(bool RetainGraph = false, bool CreateGraph = false, Option<Seq<Node>> Targets = default)
{
    /// <summary>Free the graph, do not record, return every leaf's gradient.</summary>
    public static readonly BackwardOptions Default = new();
}

/// <summary>Reverse-mode differentiation over a recorded graph.</summary>
public static class Backprop
{
    /// <summary>
    /// Σᵢ seedᵢᵀ · ∂outputᵢ/∂n for every leaf n reached (or every target): a pure map from roots and seeds to
    /// gradients. Runs the VJPs in reverse topological order, iteratively, with grad mode set to
    /// <see cref="BackwardOptions.CreateGraph"/>, and reduces each cotangent to its input's shape and dtype.
    /// </summary>
    public static Reader<GradEnv, HashMap<Node, Expr>> Gradients(Seq<(Expr Output, Expr Seed)> roots, BackwardOptions options) =>
        local<GradEnv, HashMap<Node, Expr>>(env => ReaderResult<HashMap<Node, Expr>>.New(Run(env, roots, options)),
              options.CreateGraph ? GradEnv.EnableGrad : GradEnv.NoGrad);

    static HashMap<Node, Expr> Run(GradEnv env, Seq<(Expr Output, Expr Seed)> roots, BackwardOptions options)
    {
        var starts = new List<(Node Node, Expr Seed)>(roots.Count);
        var i = 0;
        foreach (var (output, seed) in roots)
        {
            if (output.Node is not { } node)
                throw new InvalidOperationException($"element {i} of tensors does not require grad and does not have a grad_fn");
            if (!seed.Shape.Equals(output.Shape))
                throw new ArgumentException(
                    $"Mismatch in shape: grad_output[{i}] has a shape of {seed.Shape} and output[{i}] has a shape of {output.Shape}.");
            starts.Add((node, seed.DType == output.DType ? seed : Cast.Apply(seed, output.DType).Eval(env)));
            i++;
        }

        var order = PostOrder(starts);
        var targets = options.Targets.Map(ts => new System.Collections.Generic.HashSet<Node>(ts, ReferenceEqualityComparer.Instance));
        var needed = Needed(order, targets);
        bool Wanted(Node n) => targets.Match(ts => ts.Contains(n), () => n is LeafNode);

        var grads = new Dictionary<Node, Expr>(ReferenceEqualityComparer.Instance);
        foreach (var (node, seed) in starts) Accumulate(grads, node, seed, env);

        var result = HashMap<Node, Expr>();
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var node = order[k];
            if (!needed.Contains(node) || !grads.Remove(node, out var yBar)) continue;
            if (Wanted(node)) result = result.AddOrUpdate(node, yBar);
            if (node is not OpNode op) continue;
            var rules = op.Vjp(yBar);
            for (var j = 0; j < op.Inputs.Count; j++)
            {
                if (op.Inputs[j] is not { } input || !needed.Contains(input)) continue;
                Accumulate(grads, input, ReduceTo(rules[j].Eval(env), input, env), env);
            }
            // A recorded backward reads the graph's saved values when it is differentiated in turn.
            if (!options.RetainGraph && !options.CreateGraph) op.Release();
        }
        return result;
    }

    static void Accumulate(Dictionary<Node, Expr> grads, Node node, Expr g, GradEnv env) =>
        grads[node] = grads.TryGetValue(node, out var prev) ? Add.Apply(prev, g).Eval(env) : g;

    // A cotangent computed at the output's broadcast shape (or promoted dtype) is summed back to the input's.
    static Expr ReduceTo(Expr g, Node input, GradEnv env)
    {
        if (!g.Shape.Equals(input.Shape)) g = SumTo.Apply(g, input.Shape).Eval(env);
        return g.DType == input.DType ? g : Cast.Apply(g, input.DType).Eval(env);
    }

    // Iterative depth-first post-order from the roots: inputs come before the nodes that consume them, so
    // walking it backwards visits every node after all of its consumers.
    static List<Node> PostOrder(List<(Node Node, Expr Seed)> starts)
    {
        var order = new List<Node>();
        var visited = new System.Collections.Generic.HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Node Node, int Next)>();
        foreach (var (root, _) in starts)
        {
            if (!visited.Add(root)) continue;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var inputs = node is OpNode op ? op.Inputs : [];
                while (next < inputs.Count && (inputs[next] is not { } input || !visited.Add(input))) next++;
                if (next == inputs.Count) { order.Add(node); continue; }
                stack.Push((node, next + 1));
                stack.Push((inputs[next]!, 0));
            }
        }
        return order;
    }

    // Nodes on a path to a target (all of them when there are no targets), computed in post-order.
    static System.Collections.Generic.HashSet<Node> Needed(List<Node> order, Option<System.Collections.Generic.HashSet<Node>> targets)
    {
        var needed = new System.Collections.Generic.HashSet<Node>(ReferenceEqualityComparer.Instance);
        foreach (var node in order)
        {
            var isNeeded = targets.Match(ts => ts.Contains(node), () => true)
                || (node is OpNode op && op.Inputs.Any(n => n is not null && needed.Contains(n)));
            if (isNeeded) needed.Add(node);
        }
        return needed;
    }
}
