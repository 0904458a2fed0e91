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

    [Fact]
    public void Random_programs_pass_gradcheck() =>
        Props.Check(Prop.ForAll(Programs.ToArbitrary(), c => Autograd.GradCheck(c.Program.Apply, c.Inputs)), 100);

    [Fact]
    public void Random_programs_pass_gradgradcheck() =>
        Props.Check(Prop.ForAll(Programs.ToArbitrary(), c => Autograd.GradGradCheck(c.Program.Apply, c.Inputs)), 50);
}
