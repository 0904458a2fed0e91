using System.Globalization;

namespace Nabla;

/// <summary>
/// Raised by <see cref="Autograd.GradCheck"/> and <see cref="Autograd.GradGradCheck"/> when an analytical Jacobian
/// differs from the numerical one (torch.autograd.gradcheck's GradcheckError): both Jacobians, as [outputs, inputs]
/// matrices, and the worst entry.
/// </summary>
public sealed class GradCheckException : Exception
{
    internal GradCheckException(int output, int input, Tensor numerical, Tensor analytical, int row, int column, string? what = null)
        : base(Describe(output, input, numerical, analytical, row, column, what))
    {
        (OutputIndex, InputIndex, Numerical, Analytical, WorstRow, WorstColumn) = (output, input, numerical, analytical, row, column);
    }

    // A backward that is not linear in grad_output: Numerical holds the zero gradient a correct rule gives for zero
    // grad_outputs and Analytical what the rule gave, each as an [input elements, 1] column.
    internal GradCheckException(int input, Tensor expected, Tensor actual, int row, string message) : base(message)
    {
        (OutputIndex, InputIndex, Numerical, Analytical, WorstRow, WorstColumn) = (0, input, expected, actual, row, 0);
    }

    /// <summary>Which output of the checked function disagreed.</summary>
    public int OutputIndex { get; }

    /// <summary>Which input the disagreeing Jacobian is taken with respect to.</summary>
    public int InputIndex { get; }

    /// <summary>
    /// The Jacobian from central differences, [input elements, output elements] as PyTorch prints it; for "backward not
    /// multiplied by grad_output", the zero gradient expected for zero grad_outputs, as one column.
    /// </summary>
    public Tensor Numerical { get; }

    /// <summary>The Jacobian from the derivative rules, same layout; for "backward not multiplied by grad_output", the gradient the rules gave.</summary>
    public Tensor Analytical { get; }

    /// <summary>Input element of the worst entry.</summary>
    public int WorstRow { get; }

    /// <summary>Output element of the worst entry.</summary>
    public int WorstColumn { get; }

    static string Describe(int output, int input, Tensor numerical, Tensor analytical, int row, int column, string? what)
    {
        var n = numerical.ToArray()[row * numerical.Shape[1] + column];
        var a = analytical.ToArray()[row * analytical.Shape[1] + column];
        var inv = CultureInfo.InvariantCulture;
        return $"Jacobian mismatch for output {output} with respect to input {input}{what},\n" +
               $"numerical:{numerical}\nanalytical:{analytical}\n" +
               string.Format(inv, "worst entry: d output[{0}] / d input[{1}]: numerical {2:G17}, analytical {3:G17}, difference {4:E3}",
                             column, row, n, a, Math.Abs(n - a));
    }
}
