using FsCheck;
using FsCheck.Fluent;

namespace Nabla.Testing;

/// <summary>
/// FsCheck generators for property tests of differentiable code: shapes, well-conditioned Float64 tensors, and random
/// differentiable programs. Use them with <c>Prop.ForAll(gen.ToArbitrary(), ...)</c> and check the results with
/// <see cref="Autograd.GradCheck"/> or <see cref="Autograd.GradGradCheck"/>.
/// </summary>
public static class Generators
{
    /// <summary>Shapes of rank 0..<paramref name="maxRank"/> with dimensions 1..<paramref name="maxDim"/>.</summary>
    public static Gen<int[]> Shapes(int maxRank = 3, int maxDim = 4) =>
        from rank in Gen.Choose(0, maxRank)
        from dims in Gen.ArrayOf(Gen.Choose(1, maxDim), rank)
        select dims;

    /// <summary>
    /// Float64 tensors of <paramref name="shape"/> with values in [<paramref name="low"/>, <paramref name="high"/>], multiples
    /// of 1/64 so that sums and products are exact; well-conditioned for finite differences in that range.
    /// </summary>
    public static Gen<Tensor> Tensors(int[] shape, double low = -2, double high = 2, bool requiresGrad = true) =>
        from values in Gen.ArrayOf(Gen.Choose((int)Math.Ceiling(low * 64), (int)Math.Floor(high * 64)), shape.Aggregate(1, (a, b) => a * b))
        select Tensor.From(values.Select(v => v / 64.0).ToArray(), shape, requiresGrad, DType.Float64);

    /// <summary>
    /// Random differentiable programs of <paramref name="minOps"/>..<paramref name="maxOps"/> steps over
    /// <paramref name="inputs"/> inputs of one shape; every op is smooth on the whole real line, so finite differences
    /// are valid anywhere.
    /// </summary>
    public static Gen<DifferentiableProgram> Programs(int inputs = 2, int minOps = 3, int maxOps = 10) =>
        from count in Gen.Choose(minOps, maxOps)
        from steps in Gen.ArrayOf(Steps(inputs), count)
        select new DifferentiableProgram(inputs, steps);

    /// <summary>A program with its inputs: a shape, then tensors of that shape.</summary>
    public static Gen<(DifferentiableProgram Program, Tensor[] Inputs)> ProgramsWithInputs(int inputs = 2, int minOps = 3, int maxOps = 10) =>
        from program in Programs(inputs, minOps, maxOps)
        from shape in Shapes(2, 3)
        from xs in Gen.ArrayOf(Tensors(shape, -1.5, 1.5), inputs)
        select (program, xs);

    // Each step reads earlier values by offset from the newest, so every program is well formed.
    static Gen<ProgramStep> Steps(int inputs) =>
        from op in Gen.Elements(ProgramStep.Ops)
        from a in Gen.Choose(0, inputs + 8)
        from b in Gen.Choose(0, inputs + 8)
        select new ProgramStep(op, a, b);
}

/// <summary>One step of a <see cref="DifferentiableProgram"/>: an op applied to two earlier values (the second ignored by unary ops).</summary>
public sealed record ProgramStep(string Op, int A, int B)
{
    /// <summary>The ops programs are made of, all smooth everywhere.</summary>
    public static readonly string[] Ops = ["add", "sub", "mul", "tanh", "sin", "cos", "sigmoid", "exp_half", "square", "scale", "softplus", "div_safe"];

    internal Tensor Apply(Tensor a, Tensor b) => Op switch
    {
        "add" => a + b,
        "sub" => a - b,
        "mul" => a * b,
        "tanh" => a.Tanh(),
        "sin" => a.Sin(),
        "cos" => a.Cos(),
        "sigmoid" => a.Sigmoid(),
        "exp_half" => (a * 0.5).Exp(),
        "square" => a.Pow(2),
        "scale" => a * 1.5 - 0.25,
        "softplus" => (a.Exp() + 1).Log(),
        "div_safe" => a / (b * b + 1),
        _ => throw new InvalidOperationException($"unknown op {Op}"),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Op}(v[-{A + 1}], v[-{B + 1}])";
}

/// <summary>
/// A random straight-line program: values v₀.. are the inputs, each step appends op(v[−a−1], v[−b−1]), and the output
/// is the sum of the last value (a one-element result, so gradients and Hessians apply).
/// </summary>
public sealed record DifferentiableProgram(int Inputs, ProgramStep[] Steps)
{
    /// <summary>Runs the program on <paramref name="xs"/>: Σ of the last value.</summary>
    public Tensor Apply(Tensor[] xs) => Last(xs).Sum();

    /// <summary>Runs the program on <paramref name="xs"/> and returns the last value itself (the inputs' shape), for Jacobians.</summary>
    public Tensor Last(Tensor[] xs)
    {
        var values = new List<Tensor>(xs);
        foreach (var step in Steps)
            values.Add(step.Apply(values[^(1 + step.A % values.Count)], values[^(1 + step.B % values.Count)]));
        return values[^1];
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Inputs} inputs: {string.Join("; ", Steps.Select(s => s.ToString()))}; sum";
}
