using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>How <see cref="Transforms.Jacobian"/> builds the matrix: by rows (reverse mode), by columns (forward mode), or by shape.</summary>
public enum JacobianMode
{
    /// <summary>Reverse mode when the output has no more elements than the input, forward mode otherwise.</summary>
    Auto,
    /// <summary>One VJP per output element.</summary>
    Reverse,
    /// <summary>One JVP per input element.</summary>
    Forward,
}

/// <summary>
/// Composable function transforms, as JAX and torch.func have them, over functions from an expression to a computation.
/// Each call runs f one nesting level deeper (<see cref="GradEnv.Nest"/>) on a fresh node for its input, so nested
/// transforms keep their perturbations apart; results are differentiable again when the caller's mode records.
/// </summary>
public static class Transforms
{
    /// <summary>x ↦ ∇f(x) for f returning a one-element tensor.</summary>
    public static Func<Expr, Reader<GradEnv, Expr>> Grad(Func<Expr, Reader<GradEnv, Expr>> f) =>
        x => env => ReaderResult<Expr>.New(Pullback(f, x, null, env, "grad").XBar);

    /// <summary>x ↦ (f(x), ∇f(x)) for f returning a one-element tensor.</summary>
    public static Func<Expr, Reader<GradEnv, (Expr Value, Expr Grad)>> ValueAndGrad(Func<Expr, Reader<GradEnv, Expr>> f) =>
        x => env => ReaderResult<(Expr, Expr)>.New(Pullback(f, x, null, env, "value_and_grad"));

    /// <summary>(f(x), vᵀ·∂f/∂x): the output and the vector-Jacobian product, one reverse pass.</summary>
    public static Reader<GradEnv, (Expr Output, Expr Vjp)> Vjp(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, Expr v) =>
        env => ReaderResult<(Expr, Expr)>.New(Pullback(f, x, v, env, "vjp"));

    /// <summary>(f(x), ∂f/∂x·v): the output and the Jacobian-vector product, one forward pass through the ops' JVP rules.</summary>
    public static Reader<GradEnv, (Expr Output, Expr Jvp)> Jvp(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, Expr v) =>
        env => ReaderResult<(Expr, Expr)>.New(Pushforward(f, x, v, env));

    /// <summary>∂f/∂x with shape f(x).shape ++ x.shape, by rows or columns as <paramref name="mode"/> says.</summary>
    public static Reader<GradEnv, Expr> Jacobian(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, JacobianMode mode = JacobianMode.Auto) =>
        env => ReaderResult<Expr>.New(BuildJacobian(f, x, mode, env));

    /// <summary>∂²f/∂x² for f returning a one-element tensor, shape x.shape ++ x.shape: forward mode over reverse mode.</summary>
    public static Reader<GradEnv, Expr> Hessian(Func<Expr, Reader<GradEnv, Expr>> f, Expr x) => Jacobian(Grad(f), x, JacobianMode.Forward);

    /// <summary>∂²f/∂x²·v without forming the Hessian: the JVP of ∇f along v.</summary>
    public static Reader<GradEnv, Expr> Hvp(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, Expr v) =>
        from r in Jvp(Grad(f), x, v) select r.Jvp;

    // f at a fresh node for x, one level down, and the graph it recorded.
    static (Expr X, Expr Y, GradEnv Inner) Trace(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, GradEnv outer, string name)
    {
        if (!x.DType.IsFloating())
            throw new ArgumentException($"{name}: inputs must be floating-point tensors, got {x.DType.Name()}");
        var inner = GradEnv.Nest(outer);
        // A clone keeps x's own graph below the fresh node, so outer levels can differentiate through this one.
        var xi = x.RequiresGrad ? Clone.Apply(x).Eval(inner) : Expr.Leaf(x.Value);
        return (xi, f(xi).Eval(inner), inner);
    }

    static (Expr Y, Expr XBar) Pullback(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, Expr? v, GradEnv outer, string name)
    {
        var (xi, y, inner) = Trace(f, x, outer, name);
        if (v is null && y.Shape.Numel != 1)
            throw new ArgumentException($"{name}: f must return a one-element tensor, got shape {y.Shape}");
        if (v is not null && !v.Shape.Equals(y.Shape))
            throw new ArgumentException($"{name}: v has shape {v.Shape} but f(x) has shape {y.Shape}");
        var seed = v ?? Expr.Constant(NdArray.Full(y.Shape, 1, y.DType));
        return (y, Vjps(xi, y, [seed], outer, inner)[0]);
    }

    static (Expr Y, Expr YDot) Pushforward(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, Expr v, GradEnv outer)
    {
        if (!v.Shape.Equals(x.Shape)) throw new ArgumentException($"jvp: v has shape {v.Shape} but x has shape {x.Shape}");
        var (xi, y, inner) = Trace(f, x, outer, "jvp");
        return (y, Jvps(xi, y, [v], outer, inner)[0]);
    }

    // vᵢᵀ·∂y/∂xi for each seed, one reverse pass each over the same graph.
    static Expr[] Vjps(Expr xi, Expr y, Expr[] seeds, GradEnv outer, GradEnv inner)
    {
        var zero = Expr.Constant(NdArray.Full(xi.Shape, 0, xi.DType));
        if (y.Node is null) return seeds.Select(_ => zero).ToArray();
        var options = new BackwardOptions(RetainGraph: true, CreateGraph: outer.GradEnabled, Targets: Some(Seq1(xi.Node!)));
        return seeds.Select(seed => Backprop.Gradients(Seq1((y, seed)), options).Eval(inner).Find(xi.Node!).IfNone(zero)).ToArray();
    }

    // ∂y/∂xi·vⱼ for each tangent, one forward pass each; recorded only when the caller records.
    static Expr[] Jvps(Expr xi, Expr y, Expr[] tangents, GradEnv outer, GradEnv inner)
    {
        var env = outer.GradEnabled ? inner : GradEnv.NoGrad(inner);
        return tangents.Select(t => ForwardMode.Tangent(y, Seq1((xi.Node!, t))).Eval(env)).ToArray();
    }

    static Expr BuildJacobian(Func<Expr, Reader<GradEnv, Expr>> f, Expr x, JacobianMode mode, GradEnv outer)
    {
        var (xi, y, inner) = Trace(f, x, outer, "jacobian");
        var (m, n) = (y.Shape.Numel, x.Shape.Numel);
        var reverse = mode == JacobianMode.Reverse || (mode == JacobianMode.Auto && m <= n);
        var shape = Shape.Of([.. y.Shape.ToArray(), .. x.Shape.ToArray()]);
        if (reverse)
            return Assemble(Vjps(xi, y, Basis(y.Shape, y.DType), outer, inner), Shape.Of(m, n), shape, transpose: false, inner);
        return Assemble(Jvps(xi, y, Basis(x.Shape, x.DType), outer, inner), Shape.Of(n, m), shape, transpose: true, inner);
    }

    // The standard basis of a shape: one-hot tensors, one per element.
    static Expr[] Basis(Shape shape, DType dtype) =>
        Enumerable.Range(0, shape.Numel).Select(i =>
        {
            var e = new double[shape.Numel];
            e[i] = 1;
            return Expr.Constant(NdArray.From(e, shape, dtype));
        }).ToArray();

    // Stacks the pieces as the rows of a [k, len] matrix (transposed when they are columns), then gives it the
    // Jacobian's shape. Constants are stacked directly; differentiable pieces through ops, so the result stays so.
    static Expr Assemble(Expr[] pieces, Shape stacked, Shape shape, bool transpose, GradEnv env)
    {
        var (k, len) = (stacked[0], stacked[1]);
        if (pieces.All(p => !p.RequiresGrad))
        {
            var values = new double[k * len];
            for (var i = 0; i < k; i++) pieces[i].Value.ToDoubles().CopyTo(values, i * len);
            var dtype = pieces.Length > 0 ? pieces[0].DType : DType.Float32;
            var matrix = Expr.Constant(NdArray.From(values, stacked, dtype));
            return (transpose ? Transpose.Apply(matrix, 0, 1).Bind(t => Reshape.Apply(t, shape.ToArray())) : Reshape.Apply(matrix, shape.ToArray())).Eval(env);
        }
        var sum = Expr.Constant(NdArray.Full(stacked, 0, pieces[0].DType));
        for (var i = 0; i < k; i++)
        {
            var flat = Reshape.Apply(pieces[i], [len]).Eval(env);
            sum = Add.Apply(sum, SelectScatter.Apply(flat, stacked, i).Eval(env)).Eval(env);
        }
        var j = transpose ? Transpose.Apply(sum, 0, 1).Eval(env) : sum;
        return Reshape.Apply(j, shape.ToArray()).Eval(env);
    }
}
