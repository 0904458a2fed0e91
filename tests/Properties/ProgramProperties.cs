namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Testing;

/// <summary>
/// Random differentiable programs of 3–10 ops from Nabla.Testing, checked end to end through the facade: first
/// derivatives by Autograd.GradCheck, second derivatives by Autograd.GradGradCheck.
/// </summary>
public sealed class ProgramProperties
{
    static readonly Gen<(DifferentiableProgram Program, Tensor[] Inputs)> Programs = Testing.Generators.ProgramsWithInputs();

    [Property(MaxTest = 100)]
    public Property Random_programs_pass_gradcheck() =>
        Prop.ForAll(Programs.ToArbitrary(), c => Autograd.GradCheck(c.Program.Apply, c.Inputs));

    [Property(MaxTest = 50)]
    public Property Random_programs_pass_gradgradcheck() =>
        Prop.ForAll(Programs.ToArbitrary(), c => Autograd.GradGradCheck(c.Program.Apply, c.Inputs));
}

/// <summary>Forward and reverse mode agree on random programs, and Hessians (forward over reverse) are symmetric.</summary>
public sealed class TransformProperties
{
    static readonly Gen<(DifferentiableProgram Program, Tensor[] Inputs)> Programs = Testing.Generators.ProgramsWithInputs();

    [Property(MaxTest = 100)]
    public Property Forward_and_reverse_jacobians_agree() =>
        Prop.ForAll(Programs.ToArbitrary(), c =>
        {
            Tensor F(Tensor x) => c.Program.Last([x, .. c.Inputs[1..]]);
            var reverse = Autograd.Jacobian(F, c.Inputs[0], mode: JacobianMode.Reverse).ToArray();
            var forward = Autograd.Jacobian(F, c.Inputs[0], mode: JacobianMode.Forward).ToArray();
            for (var i = 0; i < reverse.Length; i++)
                Assert.True(Math.Abs(reverse[i] - forward[i]) <= 1e-12 * (1 + Math.Abs(reverse[i])), $"entry {i}: {reverse[i]} vs {forward[i]} for {c.Program}");
        });

    [Property(MaxTest = 100)]
    public Property Hessians_are_symmetric_and_match_differences_of_gradients() =>
        Prop.ForAll(Programs.ToArbitrary(), c =>
        {
            Tensor F(Tensor x) => c.Program.Apply([x, .. c.Inputs[1..]]);
            var x0 = c.Inputs[0].Detach();
            var n = x0.Numel;
            var h = Autograd.Hessian(F, x0).ToArray();
            Assert.Equal(n * n, h.Length);
            for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++)
                Assert.True(Math.Abs(h[i * n + j] - h[j * n + i]) <= 1e-10 * (1 + Math.Abs(h[i * n + j])), $"H[{i},{j}] = {h[i * n + j]} but H[{j},{i}] = {h[j * n + i]}");
            // Column j against central differences of the gradient along eⱼ.
            var values = x0.ToArray();
            for (var j = 0; j < n; j++)
            {
                double[] Gradient(double delta)
                {
                    var shifted = (double[])values.Clone();
                    shifted[j] += delta;
                    return Autograd.Vjp(F, Tensor.From(shifted, x0.Shape, dtype: DType.Float64), Tensor.Scalar(1, dtype: DType.Float64)).Vjp.ToArray();
                }
                var (plus, minus) = (Gradient(1e-6), Gradient(-1e-6));
                for (var i = 0; i < n; i++)
                {
                    var numeric = (plus[i] - minus[i]) / 2e-6;
                    Assert.True(Math.Abs(numeric - h[i * n + j]) <= 1e-5 + 1e-4 * Math.Abs(numeric), $"H[{i},{j}] = {h[i * n + j]}, differences give {numeric}");
                }
            }
        });
}
