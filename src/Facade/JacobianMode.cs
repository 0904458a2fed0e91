namespace Nabla;

/// <summary>How <see cref="Autograd.Jacobian"/> builds ∂f/∂x: by rows (reverse mode), by columns (forward mode), or by shape (PyTorch's strategy argument).</summary>
public enum JacobianMode
{
    /// <summary>Reverse mode when the output has no more elements than the input, forward mode otherwise.</summary>
    Auto,
    /// <summary>One VJP per output element (PyTorch's strategy="reverse-mode").</summary>
    Reverse,
    /// <summary>One JVP per input element (PyTorch's strategy="forward-mode").</summary>
    Forward,
}
