namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// The reduction vocabulary's gradients, taken with CreateGraph, are differentiable again: the VJP and JVP of each
/// recorded gradient match central differences of the gradient (as <see cref="LossSecondOrder"/> checks the losses').
/// Prod is checked with zeros among its inputs too (one, two or three: its gradient is then built from the products of
/// the zeros and of the others).
/// </summary>
public sealed class ReductionSecondOrder
{
    /// <summary>A reduction's gradient with respect to its input, recorded, at one case.</summary>
    internal sealed record Trial(string Name, Case Case, Func<Expr[], Reader<GradEnv, Expr>> Gradient)
    {
        public override string ToString() => $"{Name} at {Case}";
    }

    static Gen<Trial> Of(string name, Gen<Case> cases, Func<Expr, Reader<GradEnv, Expr>> f) =>
        cases.Select(c => new Trial(name, c, xs => GradientOf(f, xs[0])));

    static Gen<Trial> WithDim(string name, Gen<Case> cases, Func<Expr, int, bool, Reader<GradEnv, Expr>> f) =>
        from c in cases
        from dim in Generators.Dims(c.Inputs[0].Shape)
        from keepDim in Gen.Elements(false, true)
        select new Trial($"{name} dim {dim} keepDim {keepDim}", c, xs => GradientOf(x => f(x, dim, keepDim), xs[0]));

    // Rank 1 to 3: a gradient of a 0-dimensional prod or var does not depend on x, so it is not recorded.
    static readonly Gen<Case> Tensors =
        from shape in Generators.Shapes(1, 3)
        from x in Generators.Samples(shape)
        from seed in Generators.Seeds
        select new Case([x], seed);

    // Values in [−2, 2] with one to three of them 0 (so slices with one zero, two or three).
    static readonly Gen<Case> Zeros =
        from c in Tensors
        from at in Gen.ArrayOf(Gen.Choose(0, c.Inputs[0].Shape.Numel - 1), 3)
        from count in Gen.Choose(1, 3)
        select c with { Inputs = [c.Inputs[0] with { Values = c.Inputs[0].Values.Select((v, i) => at.Take(count).Contains(i) ? 0 : v).ToArray() }] };

    static readonly Gen<Case> AwayFromZero = Generators.SignedCases(0.5, 2);

    static readonly Gen<Trial> Trials = Gen.OneOf(
        Of("prod", Tensors, Prod.Apply),
        Of("prod with zeros", Zeros, Prod.Apply),
        WithDim("prod_dim", Tensors, (x, d, k) => ProdDim.Apply(x, d, k)),
        WithDim("prod_dim with zeros", Zeros, (x, d, k) => ProdDim.Apply(x, d, k)),
        from p in Gen.Elements(2.0, 3.0, 1.5, 0.5, -1.0)
        from t in Of($"norm p {p}", AwayFromZero, x => Norm.Apply(x, p))
        select t,
        from p in Gen.Elements(2.0, 3.0, 1.5, 0.5)
        from t in WithDim($"norm_dim p {p}", AwayFromZero, (x, d, k) => Norm.Apply(x, p, d, k))
        select t,
        Of("var", Tensors, x => Var.Apply(x, null, x.Shape.Numel >= 2 ? 1 : 0)),
        WithDim("var_dim", Tensors, (x, d, k) => Var.Apply(x, d, 0, k)),
        Of("std", Generators.UnaryCases().Where(c => c.Inputs[0].Shape.Numel >= 2), x => Std.Apply(x, null, 0)),
        WithDim("std_dim", Tensors, (x, d, k) => x.Shape[d < 0 ? d + x.Shape.Rank : d] >= 2 ? Std.Apply(x, d, 0, k) : Var.Apply(x, d, 0, k)),
        WithDim("logsumexp", Generators.UnaryCases(-4, 4), (x, d, k) => LogSumExp.Apply(x, d, k)));

    /// <summary>A recorded gradient's VJP and JVP (the double backward) match central differences of the gradient.</summary>
    [Property]
    public Property Recorded_gradients_match_central_differences() =>
        Prop.ForAll(Trials.ToArbitrary(), t => Gradcheck.Verify(t.Gradient, t.Case));

    // ∂f/∂x with the backward recorded, so it can be differentiated again; a constant x (at the points the finite
    // differences shift) becomes a fresh leaf, so it has a gradient.
    static Reader<GradEnv, Expr> GradientOf(Func<Expr, Reader<GradEnv, Expr>> f, Expr x) =>
        env =>
        {
            var arg = x.RequiresGrad ? x : Expr.Leaf(x.Value);
            var y = f(arg)(env).Unwrap();
            var options = new BackwardOptions(CreateGraph: true, Targets: Prelude.Seq1(arg.Node!));
            var grads = Backprop.Gradients(Prelude.Seq1((y, Autodiff.Ones(y))), options)(env).Unwrap();
            return ReaderResult<Expr>.New(grads[arg.Node!]);
        };
}
