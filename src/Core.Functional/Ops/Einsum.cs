namespace Nabla.Core;

/// <summary>
/// torch.einsum, lowered as PyTorch 1.13 lowers it (without opt_einsum): each operand's repeated subscripts become
/// diagonals (<see cref="Diagonal"/>), its dimensions are aligned to one order (output subscripts, then the contracted
/// ones), and the operands are contracted left to right, each pair by one batched matrix product (<see cref="Bmm"/>
/// of [batch, m, k]·[batch, k, n] after a permute and reshape; <see cref="Mm"/> when nothing is batched) or, with
/// nothing to contract, a broadcasting <see cref="Mul"/>; subscripts only one operand still has are summed first
/// (<see cref="SumDims"/>). Built from those ops alone, so it needs no derivative rule of its own and its grad_fn is the
/// last lowered op's: ViewBackward0 after a contraction, MulBackward0 for pure products, SumBackward1 or
/// PermuteBackward0 for one operand, as PyTorch's.
/// </summary>
/// <remarks>
/// Nabla's permute copies (PyTorch's is a strided view), so an operand is carried as a base tensor with the order in
/// which its dimensions are read (<see cref="Aligned"/>) and permuted once, right before the product, and only where
/// that moves data: an order that keeps every dimension larger than 1 in place is a reshape, and a matrix stored
/// transposed is read transposed by mm.
/// </remarks>
public static class Einsum
{
    const int Letters = 26, Subscripts = 2 * Letters, EllipsisMark = Subscripts;

    /// <summary>
    /// The Einstein sum <paramref name="equation"/> of <paramref name="operands"/>: subscripts in [a-zA-Z] per operand,
    /// separated by commas, optionally an ellipsis "..." for broadcast dimensions, and an output after "->" (implicit:
    /// the ellipsis, then the subscripts seen once, in alphabetical order, upper case first). Spaces are ignored.
    /// Subscripts not in the output are summed; a subscript repeated within an operand takes its diagonal.
    /// </summary>
    public static Reader<GradEnv, Expr> Apply(string equation, IReadOnlyList<Expr> operands) =>
        env => ReaderResult<Expr>.New(Run(equation ?? throw new ArgumentNullException(nameof(equation)),
                                          operands ?? throw new ArgumentNullException(nameof(operands)), env));

    /// <summary>An operand aligned to the equation's order: aligned dim d is <see cref="Base"/>'s dim <see cref="Dims"/>[d].</summary>
    readonly record struct Aligned(Expr Base, int[] Dims)
    {
        public int Size(int d) => Base.Shape[Dims[d]];
    }

    static Expr Run(string equation, IReadOnlyList<Expr> operands, GradEnv env)
    {
        var count = operands.Count;
        ArgumentException Error(string message) =>
            new($"einsum(): {message} (equation \"{equation}\", " +
                (count == 0 ? "no operands)" : $"operands of shapes {string.Join(", ", operands.Select(o => o.Shape))})"));
        if (count == 0) throw Error("must provide at least one operand");

        // The subscripts of each operand, in order; the ellipsis as EllipsisMark.
        var arrow = equation.IndexOf("->", StringComparison.Ordinal);
        var lhs = arrow < 0 ? equation : equation[..arrow];
        var labels = new List<int>[count];
        for (var i = 0; i < count; i++) labels[i] = [];
        var current = 0;
        var ellipsisSeen = false;
        for (var k = 0; k < lhs.Length; k++)
        {
            switch (lhs[k])
            {
                case ' ':
                    break;
                case '.':
                    if (ellipsisSeen) throw Error($"found '.' for operand {current} for which an ellipsis was already found");
                    if (!(k + 2 < lhs.Length && lhs[++k] == '.' && lhs[++k] == '.'))
                        throw Error($"found '.' for operand {current} that is not part of any ellipsis");
                    labels[current].Add(EllipsisMark);
                    ellipsisSeen = true;
                    break;
                case ',':
                    if (++current >= count) throw Error("fewer operands were provided than specified in the equation");
                    ellipsisSeen = false;
                    break;
                case var c:
                    if (!IsLetter(c))
                        throw Error($"invalid subscript given at index {k} in the equation string, subscripts must be in [a-zA-Z]");
                    labels[current].Add(SubscriptOf(c));
                    break;
            }
        }
        if (current != count - 1) throw Error("more operands were provided than specified in the equation");

        // How often each subscript occurs over the operands, and the most dimensions any ellipsis covers.
        var occurrences = new int[Subscripts];
        var ellipsisDims = 0;
        for (var i = 0; i < count; i++)
        {
            var rank = operands[i].Shape.Rank;
            var named = 0;
            var hasEllipsis = false;
            foreach (var s in labels[i])
                if (s == EllipsisMark) hasEllipsis = true;
                else { named++; occurrences[s]++; }
            if (hasEllipsis) ellipsisDims = Math.Max(ellipsisDims, rank - named);
            if (hasEllipsis ? named > rank : named != rank)
                throw Error(hasEllipsis
                    ? $"the number of subscripts in the equation ({named}) is more than the number of dimensions ({rank}) for operand {i}"
                    : $"the number of subscripts in the equation ({named}) does not match the number of dimensions ({rank}) for operand {i} and no ellipsis was given");
        }

        // The aligned order: the output's dims (the ellipsis where it stands), then the ellipsis if not in the output,
        // then the contracted subscripts in alphabetical order.
        var position = new int[Subscripts];
        Array.Fill(position, -1);
        int next = 0, ellipsisAt = 0;
        var ellipsisInOutput = false;
        if (arrow < 0)
        {
            next = ellipsisDims;
            ellipsisInOutput = true;
            for (var s = 0; s < Subscripts; s++)
                if (occurrences[s] == 1) position[s] = next++;
        }
        else
        {
            var rhs = equation[(arrow + 2)..];
            for (var k = 0; k < rhs.Length; k++)
            {
                switch (rhs[k])
                {
                    case ' ':
                        break;
                    case '.':
                        if (ellipsisInOutput) throw Error("found '.' for output but an ellipsis (...) was already found");
                        if (!(k + 2 < rhs.Length && rhs[++k] == '.' && rhs[++k] == '.'))
                            throw Error("found '.' for output that is not part of any ellipsis (...)");
                        ellipsisAt = next;
                        next += ellipsisDims;
                        ellipsisInOutput = true;
                        break;
                    case var c:
                        if (!IsLetter(c))
                            throw Error($"invalid subscript given at index {lhs.Length + 2 + k} in the equation string, subscripts must be in [a-zA-Z]");
                        var s = SubscriptOf(c);
                        if (occurrences[s] == 0 || position[s] != -1)
                            throw Error($"output subscript {c}" + (position[s] > -1
                                ? " appears more than once in the output"
                                : " does not appear in the equation for any input operand"));
                        position[s] = next++;
                        break;
                }
            }
        }
        var outRank = next;
        if (!ellipsisInOutput)
        {
            ellipsisAt = next;
            next += ellipsisDims;
        }
        for (var s = 0; s < Subscripts; s++)
            if (occurrences[s] > 0 && position[s] == -1) position[s] = next++;
        var rankAligned = next;

        // Each operand: sizes checked (size 1 broadcasts), diagonals taken for repeated subscripts, size-1 dims added
        // for the subscripts it lacks, and its dims read in the aligned order. nonTrivial[d] counts the operands
        // whose aligned dim d is not of size 1.
        var subscriptSize = new int[Subscripts];
        Array.Fill(subscriptSize, 1);
        var ellipsisSizes = new int[ellipsisDims];
        Array.Fill(ellipsisSizes, 1);
        var nonTrivial = new int[rankAligned];
        var aligned = new Aligned[count];
        for (var i = 0; i < count; i++)
        {
            var op = operands[i];
            var dims = new int[rankAligned];
            Array.Fill(dims, -1);
            var dim = 0;
            foreach (var s in labels[i])
            {
                if (s == EllipsisMark)
                {
                    var covered = operands[i].Shape.Rank - (labels[i].Count - 1);
                    for (var j = ellipsisDims - covered; j < ellipsisDims; j++)
                    {
                        var size = op.Shape[dim];
                        if (size != 1)
                        {
                            // PyTorch 1.13 (and 2.x) say "operand 1has size"; the space is added here.
                            if (ellipsisSizes[j] != 1 && ellipsisSizes[j] != size)
                                throw Error($"dimension {dim} covered by ellipsis in operand {i} has size {size} which does not " +
                                            $"broadcast with previously seen ellipsis with size {ellipsisSizes[j]} for the respective dimension");
                            ellipsisSizes[j] = size;
                            nonTrivial[ellipsisAt + j]++;
                        }
                        dims[ellipsisAt + j] = dim++;
                    }
                }
                else if (dims[position[s]] == -1)
                {
                    var size = op.Shape[dim];
                    if (size != 1)
                    {
                        if (subscriptSize[s] != 1 && subscriptSize[s] != size)
                            throw Error($"subscript {LetterOf(s)} has size {size} for operand {i} which does not broadcast with " +
                                        $"previously seen size {subscriptSize[s]}");
                        subscriptSize[s] = size;
                        nonTrivial[position[s]]++;
                    }
                    dims[position[s]] = dim++;
                }
                else
                {
                    // Repeated: the diagonal of the two dims, moved to where the first one was (as movedim(-1, prev)).
                    var previous = dims[position[s]];
                    if (op.Shape[dim] != op.Shape[previous])
                        throw Error($"subscript {LetterOf(s)} is repeated for operand {i} but the sizes don't match, " +
                                    $"{op.Shape[dim]} != {op.Shape[previous]}");
                    op = Diagonal.Apply(op, 0, previous, dim).Eval(env);
                    var rank = op.Shape.Rank;
                    int[] moved = [.. Enumerable.Range(0, previous), rank - 1, .. Enumerable.Range(previous, rank - 1 - previous)];
                    op = Arrange(op, moved, env);
                }
            }
            var missing = 0;
            for (var d = 0; d < rankAligned; d++)
                if (dims[d] == -1) { dims[d] = dim++; missing++; }
            if (missing > 0) op = Reshape.Apply(op, Shape.Of([.. op.Shape.ToArray(), .. Enumerable.Repeat(1, missing)])).Eval(env);
            aligned[i] = new Aligned(op, dims);
        }

        // One operand: its own dims summed, or read in the output's order.
        if (count == 1) return Single(aligned[0], outRank, env);

        // Contract left to right. Before each product, a contracted dim that only one of the pair still has (and no
        // later operand) is summed there; dims both have and no later operand has are the product's inner dims.
        var acc = aligned[0];
        for (var i = 1; i < count; i++)
        {
            var (a, b) = (acc, aligned[i]);
            List<int> inner = [], onlyA = [], onlyB = [];
            for (var d = outRank; d < rankAligned; d++)
            {
                if (a.Size(d) != 1 && b.Size(d) != 1)
                {
                    if (--nonTrivial[d] == 1) { inner.Add(d); nonTrivial[d] = 0; }
                }
                else if (nonTrivial[d] == 1)
                {
                    if (a.Size(d) != 1) { onlyA.Add(d); nonTrivial[d] = 0; }
                    else if (b.Size(d) != 1) { onlyB.Add(d); nonTrivial[d] = 0; }
                }
            }
            acc = SumProduct(SumKept(a, onlyA, env), SumKept(b, onlyB, env), inner, Error, env);
        }

        // The contracted dims are now of size 1 everywhere: a view drops them.
        var all = Enumerable.Range(0, rankAligned).ToArray();
        var result = Materialize(acc, all, env);
        return rankAligned > outRank ? Reshape.View(result, result.Shape.ToArray()[..outRank]).Eval(env) : result;
    }

    /// <summary>One operand: the contracted dims summed (SumBackward1), or else the output's order read (PermuteBackward0), as PyTorch's.</summary>
    static Expr Single(Aligned x, int outRank, GradEnv env)
    {
        var rank = x.Dims.Length;
        if (rank == outRank) return Permute.Apply(x.Base, x.Dims).Eval(env);
        var kept = x.Dims[..outRank];
        var summed = x.Dims[outRank..].Order().ToArray();
        var y = x.Base;
        if (!IsIncreasing(kept))
        {
            // The output's dims first in their order, the summed ones after.
            y = Arrange(y, [.. kept, .. summed], env);
            summed = [.. Enumerable.Range(outRank, rank - outRank)];
        }
        return SumDims.Apply(y, summed).Eval(env);
    }

    /// <summary>
    /// Σ of a ⊙ b over the pair's inner dims, which stay as size 1 (PyTorch's sumproduct_pair): one bmm over the shared
    /// dims (one mm when there are none), or a broadcasting product when there is nothing to contract.
    /// </summary>
    static Aligned SumProduct(Aligned a, Aligned b, List<int> inner, Func<string, ArgumentException> error, GradEnv env)
    {
        var rank = a.Dims.Length;
        var identity = Enumerable.Range(0, rank).ToArray();
        if (inner.Count == 0)
            return new Aligned(Mul.Apply(Materialize(a, identity, env), Materialize(b, identity, env)).Eval(env), identity);

        // Dims in both (the batch), only in a (rows), in b or in neither (columns); the inner ones are contracted.
        List<int> batch = [], rows = [], columns = [];
        int batchSize = 1, rowSize = 1, columnSize = 1, innerSize = 1;
        var isInner = new bool[rank];
        foreach (var d in inner) { isInner[d] = true; innerSize *= a.Size(d); }
        for (var d = 0; d < rank; d++)
        {
            if (isInner[d]) continue;
            var (inA, inB) = (a.Size(d) != 1, b.Size(d) != 1);
            if (inA && inB) { batch.Add(d); batchSize *= a.Size(d); }
            else if (inA) { rows.Add(d); rowSize *= a.Size(d); }
            else { columns.Add(d); columnSize *= b.Size(d); }
        }
        if (a.Base.DType != b.Base.DType)
            throw error($"expected scalar type {a.Base.DType.ScalarTypeName()} but found {b.Base.DType.ScalarTypeName()}");

        Expr product;
        if (batch.Count == 0)
        {
            // One matrix product: an operand whose dims lie transposed in memory is read transposed by the GEMM (mm's
            // flags), so only an operand in neither order is permuted.
            var transposeA = !IsFree(a, [.. rows, .. inner]) && IsFree(a, [.. inner, .. rows]);
            var transposeB = !IsFree(b, [.. inner, .. columns]) && IsFree(b, [.. columns, .. inner]);
            var left = transposeA
                ? Reshape.Apply(Materialize(a, [.. inner, .. rows, .. columns], env), Shape.Of(innerSize, rowSize)).Eval(env)
                : Reshape.Apply(Materialize(a, [.. rows, .. inner, .. columns], env), Shape.Of(rowSize, innerSize)).Eval(env);
            var right = transposeB
                ? Reshape.Apply(Materialize(b, [.. columns, .. inner, .. rows], env), Shape.Of(columnSize, innerSize)).Eval(env)
                : Reshape.Apply(Materialize(b, [.. inner, .. columns, .. rows], env), Shape.Of(innerSize, columnSize)).Eval(env);
            product = Mm.Apply(left, right, transposeA, transposeB).Eval(env);
        }
        else
        {
            // As above, per matrix of the stack: bmm reads an operand whose matrices lie transposed as it lies.
            var transposeA = !IsFree(a, [.. batch, .. rows, .. inner]) && IsFree(a, [.. batch, .. inner, .. rows]);
            var transposeB = !IsFree(b, [.. batch, .. inner, .. columns]) && IsFree(b, [.. batch, .. columns, .. inner]);
            var left = transposeA
                ? Reshape.Apply(Materialize(a, [.. batch, .. inner, .. rows, .. columns], env), Shape.Of(batchSize, innerSize, rowSize)).Eval(env)
                : Reshape.Apply(Materialize(a, [.. batch, .. rows, .. inner, .. columns], env), Shape.Of(batchSize, rowSize, innerSize)).Eval(env);
            var right = transposeB
                ? Reshape.Apply(Materialize(b, [.. batch, .. columns, .. inner, .. rows], env), Shape.Of(batchSize, columnSize, innerSize)).Eval(env)
                : Reshape.Apply(Materialize(b, [.. batch, .. inner, .. columns, .. rows], env), Shape.Of(batchSize, innerSize, columnSize)).Eval(env);
            product = Bmm.Apply(left, right, transposeA, transposeB).Eval(env);
        }

        // The product as [batch..., rows..., 1 per inner dim, columns...], read back in the aligned order.
        int[] sizes = [.. batch.Select(a.Size), .. rows.Select(a.Size), .. inner.Select(_ => 1), .. columns.Select(b.Size)];
        var order = new int[rank];
        var k = 0;
        foreach (var d in batch.Concat(rows).Concat(inner).Concat(columns)) order[d] = k++;
        return new Aligned(Reshape.View(product, sizes).Eval(env), order);
    }

    /// <summary>a summed over aligned <paramref name="dims"/> at once, each kept as size 1 (a itself for none).</summary>
    static Aligned SumKept(Aligned a, List<int> dims, GradEnv env) =>
        dims.Count == 0 ? a : a with { Base = SumDims.Apply(a.Base, [.. dims.Select(d => a.Dims[d])], keepDim: true).Eval(env) };

    /// <summary>Whether reading x's aligned dims in <paramref name="order"/> (the others, all of size 1, after) moves no element.</summary>
    static bool IsFree(Aligned x, int[] order) =>
        x.Base.Shape.Numel == 0 || IsIncreasing([.. order.Select(d => x.Dims[d]).Where(d => x.Base.Shape[d] != 1)]);

    /// <summary>The tensor whose dim k is aligned dim order[k] of x.</summary>
    static Expr Materialize(Aligned x, int[] order, GradEnv env) => Arrange(x.Base, [.. order.Select(d => x.Dims[d])], env);

    /// <summary>
    /// x permuted so that dim k of the result is x's dim order[k]: x itself for the identity, a reshape when the dims
    /// larger than 1 keep their order (no element moves), a permute otherwise — of x without its size-1 dims, so the
    /// copy walks rows of real elements, not of one.
    /// </summary>
    static Expr Arrange(Expr x, int[] order, GradEnv env)
    {
        if (IsIncreasing(order)) return x;
        var shape = Shape.Of([.. order.Select(d => x.Shape[d])]);
        var kept = order.Where(d => x.Shape[d] != 1).ToArray();
        if (x.Shape.Numel == 0 || IsIncreasing(kept)) return Reshape.Apply(x, shape).Eval(env);
        if (kept.Length == order.Length) return Permute.Apply(x, order).Eval(env);
        // Number the dims larger than 1 in x's order, permute those, and put the size-1 dims back.
        var sorted = kept.Order().ToArray();
        var squeezed = Reshape.Apply(x, Shape.Of([.. sorted.Select(d => x.Shape[d])])).Eval(env);
        var permuted = Permute.Apply(squeezed, [.. kept.Select(d => Array.IndexOf(sorted, d))]).Eval(env);
        return Reshape.Apply(permuted, shape).Eval(env);
    }

    static bool IsIncreasing(int[] dims)
    {
        for (var k = 1; k < dims.Length; k++)
            if (dims[k] <= dims[k - 1]) return false;
        return true;
    }

    static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    // PyTorch's numbering: A–Z are 0–25, a–z 26–51, so an implicit output lists upper case first.
    static int SubscriptOf(char c) => c <= 'Z' ? c - 'A' : Letters + (c - 'a');

    static char LetterOf(int s) => s < Letters ? (char)('A' + s) : (char)('a' + s - Letters);
}
