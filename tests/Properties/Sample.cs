namespace Nabla.Properties;

// Usings sit inside the namespace so that Nabla.Core's types win over the facade's namesakes (Nabla.DType).
using Nabla.Core;

/// <summary>A generated tensor value: shape, row-major values and dtype, printed in full when a property fails.</summary>
internal sealed record Sample(Shape Shape, double[] Values, DType DType = DType.Float64)
{
    /// <summary>The values as an immutable array.</summary>
    public NdArray Array() => NdArray.From(Values, Shape, DType);

    /// <summary>A fresh leaf that requires grad.</summary>
    public Expr Leaf() => Expr.Leaf(Array());

    /// <summary>A constant that does not require grad.</summary>
    public Expr Constant() => Expr.Constant(Array());

    /// <summary>x + ε·u elementwise, in the same dtype.</summary>
    public Sample Shifted(double epsilon, double[] u) =>
        this with { Values = Values.Select((x, i) => x + epsilon * u[i]).ToArray() };

    /// <summary>The same values in another dtype.</summary>
    public Sample In(DType dtype) => this with { DType = dtype };

    public override string ToString() =>
        $"{DType.Name()}{Shape} {{{string.Join(", ", Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}}}";
}

/// <summary>The inputs of one op application and the seed that draws its cotangent and directions.</summary>
internal sealed record Case(Sample[] Inputs, int Seed)
{
    public override string ToString() => $"[{string.Join("; ", Inputs.Select(s => s.ToString()))}] seed {Seed}";
}

/// <summary>A sliding-window op's inputs with its stride and padding, printed in full when a property fails.</summary>
internal sealed record WindowCase(Case Case, int Stride, int Padding)
{
    public override string ToString() => $"{Case}, stride {Stride}, padding {Padding}";
}
