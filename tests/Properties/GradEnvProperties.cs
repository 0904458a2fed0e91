namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Nabla.Core;

/// <summary>
/// The grad-mode environment: computations wrapped in the lifted transforms (WithNoGrad, WithEnableGrad,
/// WithGradEnabled, WithInferenceMode) see the environment the transforms produce applied outermost first, so the
/// innermost (closest) one decides, whatever environment the computation is run in.
/// </summary>
public sealed class GradEnvProperties
{
    enum Kind { NoGrad, EnableGrad, SetTrue, SetFalse, InferenceOn, InferenceOff }

    static Reader<GradEnv, A> Wrap<A>(Kind kind, Reader<GradEnv, A> m) => kind switch
    {
        Kind.NoGrad => GradEnv.WithNoGrad(m),
        Kind.EnableGrad => GradEnv.WithEnableGrad(m),
        Kind.SetTrue => GradEnv.WithGradEnabled(true, m),
        Kind.SetFalse => GradEnv.WithGradEnabled(false, m),
        Kind.InferenceOn => GradEnv.WithInferenceMode(true, m),
        _ => GradEnv.WithInferenceMode(false, m),
    };

    // The reference: what each transform does to the two flags, written out independently of GradEnv.
    static (bool Grad, bool Inference) Step(Kind kind, (bool Grad, bool Inference) e) => kind switch
    {
        Kind.NoGrad or Kind.SetFalse => (false, e.Inference),
        Kind.EnableGrad or Kind.SetTrue => (true, e.Inference),
        Kind.InferenceOn => (false, true),
        _ => (true, false),
    };

    static readonly Gen<(Kind[] Outer, bool Grad, bool Inference)> Cases =
        from kinds in Gen.ListOf(Gen.Elements(Enum.GetValues<Kind>()))
        from grad in Gen.Elements(true, false)
        from inference in Gen.Elements(true, false)
        select (kinds.ToArray(), grad, inference);

    [Property(MaxTest = 300)]
    public Property Nested_transforms_apply_outermost_first_so_the_innermost_decides() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            // c.Outer[0] is the outermost scope: wrap from the innermost outwards.
            var computation = GradEnv.Ask;
            for (var i = c.Outer.Length - 1; i >= 0; i--) computation = Wrap(c.Outer[i], computation);
            var start = new GradEnv(c.Grad, c.Inference);

            var seen = computation.Run(start).Unwrap();

            var expected = c.Outer.Aggregate((c.Grad, c.Inference), (e, k) => Step(k, e));
            Assert.Equal(expected, (seen.GradEnabled, seen.InferenceMode));
            Assert.False(seen.DetectAnomaly);
            // local changes only what the wrapped computation sees: the environment passed in is a value.
            Assert.Equal(new GradEnv(c.Grad, c.Inference), start);
        });

    [Property(MaxTest = 300)]
    public Property An_op_records_exactly_when_its_environment_says_grad_is_enabled() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var x = Expr.Leaf(NdArray.Scalar(2, DType.Float64));
            var computation = Mul.Apply(x, x);
            for (var i = c.Outer.Length - 1; i >= 0; i--) computation = Wrap(c.Outer[i], computation);

            var y = computation.Run(new GradEnv(c.Grad, c.Inference)).Unwrap();

            var (grad, inference) = c.Outer.Aggregate((c.Grad, c.Inference), (e, k) => Step(k, e));
            Assert.Equal(grad, y.RequiresGrad);
            Assert.Equal(inference && !grad, y.IsInference);
            Assert.Equal(4.0, y.Value[0]);
        });
}
