namespace Nabla.Core;

/// <summary>
/// The nodes reached from some roots, numbered in depth-first post-order: inputs come before the nodes that consume
/// them, so walking it backwards visits every node after all of its consumers. Found iteratively.
/// </summary>
/// <remarks>
/// Its list and index are per-thread scratch, cleared and kept for the next walk on <see cref="Dispose"/>. A fresh
/// index for a few thousand nodes lands on the large-object heap, which only full collections reclaim; until then the
/// dead index still points into its graph, so every younger collection kept each past graph alive and promoted it.
/// </remarks>
internal sealed class PostOrder : IDisposable
{
    // Walks above this size are left to the collector rather than held by the thread.
    const int KeepAtMost = 1 << 20;

    [ThreadStatic] static PostOrder? spare;

    readonly List<Node> order = [];
    readonly Dictionary<Node, int> index = new(ReferenceEqualityComparer.Instance);
    readonly Stack<(Node Node, int Next)> stack = new();

    /// <summary>The post-order of every node reached from <paramref name="roots"/>; dispose it once the pass is done.</summary>
    public static PostOrder From(IEnumerable<Node> roots)
    {
        var walk = spare ?? new PostOrder();
        spare = null;
        foreach (var root in roots) walk.Visit(root);
        return walk;
    }

    /// <summary>Number of nodes reached.</summary>
    public int Count => order.Count;

    /// <summary>Node number <paramref name="k"/> in post-order.</summary>
    public Node this[int k] => order[k];

    /// <summary>The post-order number of a node reached.</summary>
    public int IndexOf(Node node) => index[node];

    /// <summary>The post-order number of <paramref name="node"/>, or −1 when it was not reached.</summary>
    public int Find(Node node) => index.TryGetValue(node, out var k) ? k : -1;

    void Visit(Node root)
    {
        if (!index.TryAdd(root, -1)) return;
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var op = node as OpNode;
            var arity = op?.Arity ?? 0;
            while (next < arity && (op!.Input(next) is not { } input || !index.TryAdd(input, -1))) next++;
            if (next == arity)
            {
                index[node] = order.Count;
                order.Add(node);
                continue;
            }
            stack.Push((node, next + 1));
            stack.Push((op!.Input(next)!, 0));
        }
    }

    /// <summary>Forgets the graph (so this scratch keeps none of it alive) and keeps the scratch for the thread's next walk.</summary>
    public void Dispose()
    {
        var keep = order.Count <= KeepAtMost;
        order.Clear();
        index.Clear();
        stack.Clear();
        if (keep) spare = this;
    }
}
