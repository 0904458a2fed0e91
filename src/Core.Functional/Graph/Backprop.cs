using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>What a backward pass should do besides computing gradients.</summary>
/// <param name="RetainGraph">Keep saved tensors so the graph can be run again (implied by CreateGraph, as in PyTorch).</param>
/// <param name="CreateGraph">Record the backward computation itself, so gradients are differentiable.</param>
/// <param name="Targets">When given, only these nodes' gradients are computed and returned; otherwise every leaf's.</param>
/// <param name="OnGradient">
/// Called with the environment the backward runs in (grad on exactly when <paramref name="CreateGraph"/>) and each
/// node's total cotangent once it is complete, before it is returned or passed on; its result replaces the cotangent
/// (tensor hooks, which PyTorch's engine runs under the backward's grad mode). The identity when null.
/// </param>
public sealed record BackwardOptions(bool RetainGraph = false, bool CreateGraph = false, Option<Seq<Node>> Targets = default,
                                     Func<GradEnv, Node, Expr, Expr>? OnGradient = null)
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

        // Every node reached gets an index in post-order; the rest of the pass works on arrays by that index.
        using var order = PostOrder.From(starts.Select(s => s.Node));
        var targets = options.Targets.MatchUnsafe<int[]?>(
            ts => ts.Map(order.Find).Filter(k => k >= 0).ToArray(),
            () => null);
        var wanted = new bool[order.Count];
        if (targets is null) { for (var k = 0; k < order.Count; k++) wanted[k] = order[k] is LeafNode; }
        else foreach (var k in targets) wanted[k] = true;
        var needed = Needed(order, targets is null ? null : wanted);

        var grads = new Expr?[order.Count];
        foreach (var (node, seed) in starts) Accumulate(ref grads[order.IndexOf(node)], seed, env);

        var result = HashMap<Node, Expr>();
        for (var k = order.Count - 1; k >= 0; k--)
        {
            if (!needed[k] || grads[k] is not { } yBar) continue;
            grads[k] = null;
            var node = order[k];
            if (options.OnGradient is { } hook) yBar = hook(env, node, yBar);
            if (wanted[k]) result = result.AddOrUpdate(node, yBar);
            if (node is not OpNode op) continue;
            for (var j = 0; j < op.Arity; j++)
            {
                var at = order.Input(k, j);
                if (at < 0 || !needed[at]) continue;
                var input = order[at];
                var g = op.Vjp(yBar, j).Eval(env);
                if (env.DetectAnomaly && HasNaN(g.Value)) throw Anomaly(op, j);
                Accumulate(ref grads[at], ReduceTo(g, input, env), env);
            }
            // A recorded backward reads the graph's saved values when it is differentiated in turn.
            if (!options.RetainGraph && !options.CreateGraph) op.Release();
        }
        return result;
    }

    static bool HasNaN(NdArray x)
    {
        foreach (var v in x.ToDoubles()) if (double.IsNaN(v)) return true;
        return false;
    }

    // PyTorch's anomaly message, then where the op was recorded.
    static InvalidOperationException Anomaly(OpNode op, int input) =>
        new($"Function '{op.Name}' returned nan values in its {input}th output." +
            (op.CreatedAt is { } trace ? $"\nThe forward call that created it:\n{trace}" : ""));

    static void Accumulate(ref Expr? slot, Expr g, GradEnv env) =>
        slot = slot is null ? g : Add.Apply(slot, g).Eval(env);

    // A cotangent computed at the output's broadcast shape (or promoted dtype) is summed back to the input's.
    static Expr ReduceTo(Expr g, Node input, GradEnv env)
    {
        if (!g.Shape.Equals(input.Shape)) g = SumTo.Apply(g, input.Shape).Eval(env);
        return g.DType == input.DType ? g : Cast.Apply(g, input.DType).Eval(env);
    }

    // Nodes on a path to a target (all of them when there are no targets), computed in post-order.
    static bool[] Needed(PostOrder order, bool[]? targets)
    {
        var needed = new bool[order.Count];
        for (var k = 0; k < order.Count; k++)
        {
            if (targets is null || targets[k]) { needed[k] = true; continue; }
            if (order[k] is not OpNode op) continue;
            for (var j = 0; j < op.Arity; j++)
                if (order.Input(k, j) is var at and >= 0 && needed[at]) { needed[k] = true; break; }
        }
        return needed;
    }
}
