namespace Nabla.Properties;

using LanguageExt;
using Nabla.Core;

/// <summary>Runs core computations at the edge of a test, in the default grad environment.</summary>
internal static class Autodiff
{
    /// <summary>The expression a computation produces with grad enabled.</summary>
    public static Expr Eval(Reader<GradEnv, Expr> m) => m.Run(GradEnv.Default).Unwrap();

    /// <summary>The expression a computation produces in <paramref name="env"/>.</summary>
    public static Expr Eval(Reader<GradEnv, Expr> m, GradEnv env) => m.Run(env).Unwrap();

    /// <summary>seedᵀ · ∂output/∂leaf for every leaf reached.</summary>
    public static HashMap<Node, Expr> Gradients(Expr output, Expr seed, BackwardOptions? options = null) =>
        Backprop.Gradients(Prelude.Seq1((output, seed)), options ?? BackwardOptions.Default).Run(GradEnv.Default).Unwrap();

    /// <summary>The gradient of <paramref name="leaf"/> in <paramref name="grads"/>; fails the test when there is none.</summary>
    public static Expr GradOf(this HashMap<Node, Expr> grads, Expr leaf) =>
        grads.Find(leaf.Node ?? throw new ArgumentException("not a leaf that requires grad", nameof(leaf)))
             .IfNone(() => throw new Xunit.Sdk.XunitException($"no gradient for the leaf of shape {leaf.Shape}"));

    /// <summary>A constant of ones shaped and typed like <paramref name="like"/>.</summary>
    public static Expr Ones(Expr like) => Expr.Constant(NdArray.Full(like.Shape, 1, like.DType));

    /// <summary>A Float64 leaf holding <paramref name="value"/> as a 0-dimensional tensor.</summary>
    public static Expr ScalarLeaf(double value) => Expr.Leaf(NdArray.Scalar(value, DType.Float64));
}
