using System.Runtime.InteropServices;

namespace Nabla.Core;

/// <summary>
/// The nodes reached from some roots, numbered in depth-first post-order: inputs come before the nodes that consume
/// them, so walking it backwards visits every node after all of its consumers. Found iteratively; each node's inputs
/// are numbered too, so a pass over the graph looks no node up by identity.
/// </summary>
/// <remarks>
/// Its index and arrays are per-thread scratch, cleared and kept for the next walk on <see cref="Dispose"/>. A fresh
/// index for a few thousand nodes lands on the large-object heap, which only full collections reclaim; until then the
/// dead index still points into its graph, so every younger collection kept each past graph alive and promoted it.
/// </remarks>
internal sealed class PostOrder : IDisposable
{
    // Scratch for walks above this size (a few MB) is left to the collector rather than held by the thread; it is
    // cleared all the same, so it points into no graph while it waits.
    const int KeepAtMost = 1 << 16;

    [ThreadStatic] static PostOrder? spare;

    // Everything below is by discovery number, the order in which the walk first reaches a node, except byRank.
    readonly Dictionary<Node, int> ids = new(ReferenceEqualityComparer.Instance);
    readonly List<Node> found = [];
    int[] inputs = new int[48];         // each node's inputs' discovery numbers (−1 where none), from start[id] on
    int[] start = new int[16];          // where a node's inputs begin in inputs
    int used;                           // how much of inputs is taken
    int[] rank = new int[16];           // post-order number
    int[] byRank = new int[16];         // post-order number → discovery number
    (int Id, int Next)[] stack = new (int, int)[16];

    /// <summary>The post-order of every node reached from <paramref name="roots"/>; dispose it once the pass is done.</summary>
    public static PostOrder From(IEnumerable<Node> roots)
    {
        var walk = spare ?? new PostOrder();
        spare = null;
        foreach (var root in roots) walk.Visit(root);
        return walk;
    }

    /// <summary>Number of nodes reached.</summary>
    public int Count { get; private set; }

    /// <summary>Node number <paramref name="k"/> in post-order.</summary>
    public Node this[int k] => found[byRank[k]];

    /// <summary>The post-order number of input <paramref name="j"/> of node number <paramref name="k"/>, −1 where that input has no node.</summary>
    public int Input(int k, int j) => inputs[start[byRank[k]] + j] is var id and >= 0 ? rank[id] : -1;

    /// <summary>The post-order number of a node reached.</summary>
    public int IndexOf(Node node) => rank[ids[node]];

    /// <summary>The post-order number of <paramref name="node"/>, or −1 when it was not reached.</summary>
    public int Find(Node node) => ids.TryGetValue(node, out var id) ? rank[id] : -1;

    void Visit(Node root)
    {
        if (!Discover(root, out var rootId)) return;
        var depth = 0;
        stack[depth++] = (rootId, 0);
        while (depth > 0)
        {
            ref var top = ref stack[depth - 1];
            var op = found[top.Id] as OpNode;
            if (op is not null && top.Next < op.Arity)
            {
                var (id, j) = (top.Id, top.Next++);
                if (op.Input(j) is not { } input) { inputs[start[id] + j] = -1; continue; }
                var isNew = Discover(input, out var inputId);
                inputs[start[id] + j] = inputId;
                if (!isNew) continue; // a DAG's shared input, already numbered
                if (depth == stack.Length) Array.Resize(ref stack, 2 * depth);
                stack[depth++] = (inputId, 0);
                continue;
            }
            rank[top.Id] = Count;
            byRank[Count++] = top.Id;
            depth--;
        }
    }

    // Gives a node its discovery number; false when it already had one.
    bool Discover(Node node, out int id)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, node, out var seen);
        if (seen) { id = slot; return false; }
        id = slot = found.Count;
        found.Add(node);
        if (id == rank.Length)
        {
            Array.Resize(ref rank, 2 * id);
            Array.Resize(ref byRank, 2 * id);
            Array.Resize(ref start, 2 * id);
        }
        var arity = node is OpNode op ? op.Arity : 0;
        if (used + arity > inputs.Length) Array.Resize(ref inputs, Math.Max(2 * inputs.Length, used + arity));
        start[id] = used;
        used += arity;
        return true;
    }

    /// <summary>Forgets the graph (so this scratch keeps none of it alive) and keeps the scratch for the thread's next walk.</summary>
    public void Dispose()
    {
        var keep = found.Count <= KeepAtMost;
        ids.Clear();
        found.Clear();
        Count = 0;
        used = 0;
        if (keep) spare = this;
    }
}
