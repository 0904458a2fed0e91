namespace Nabla.Core;

/// <summary>
/// Forward-mode differentiation over a recorded graph: tangents seeded at some nodes are pushed through each op's JVP
/// rule in topological order (inputs before consumers), so ẏ = J·ẋ costs one pass and no reverse pass. The tangents
/// are built from ops in the caller's environment, so with grad enabled they can be differentiated again.
/// </summary>
public static class ForwardMode
{
    /// <summary>
    /// ẏ = Σ ∂output/∂n · ṅ over the seeded nodes n: zeros when no seeded node reaches the output. Each tangent has its
    /// node's shape and dtype (a rule's broadcast or promoted result is expanded or cast back).
    /// </summary>
    public static Reader<GradEnv, Expr> Tangent(Expr output, Seq<(Node Node, Expr Tangent)> seeds) =>
        env => ReaderResult<Expr>.New(Run(env, output, seeds));

    static Expr Run(GradEnv env, Expr output, Seq<(Node Node, Expr Tangent)> seeds)
    {
        var zero = Expr.Constant(NdArray.Full(output.Shape, 0, output.DType));
        if (output.Node is not { } root) return zero;
        var given = new Dictionary<Node, Expr>(ReferenceEqualityComparer.Instance);
        foreach (var (node, t) in seeds)
        {
            if (!t.Shape.Equals(node.Shape))
                throw new ArgumentException($"jvp: the tangent has shape {t.Shape} but its input has shape {node.Shape}");
            given[node] = Fit(t, node, env);
        }

        using var order = PostOrder.From([root]);
        var tangents = new Expr?[order.Count];
        for (var k = 0; k < order.Count; k++)
        {
            var node = order[k];
            if (given.TryGetValue(node, out var seeded)) { tangents[k] = seeded; continue; }
            if (node is not OpNode op) continue;
            Expr?[]? xDots = null;
            for (var j = 0; j < op.Arity; j++)
                if (order.Input(k, j) is var at and >= 0 && tangents[at] is { } t)
                    (xDots ??= new Expr?[op.Arity])[j] = t;
            if (xDots is not null) tangents[k] = Fit(op.Jvp(xDots).Eval(env), node, env);
        }
        return tangents[order.IndexOf(root)] ?? zero;
    }

    // A tangent computed at a broadcast shape or a promoted dtype is brought to its node's.
    static Expr Fit(Expr t, Node node, GradEnv env)
    {
        if (!t.Shape.Equals(node.Shape)) t = Expand.Apply(t, node.Shape).Eval(env);
        return t.DType == node.DType ? t : Cast.Apply(t, node.DType).Eval(env);
    }
}
