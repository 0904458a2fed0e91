"""PyTorch 1.13 reference values for tests/Properties/ConvolutionFacts.cs: conv2d and max_pool2d on small fixed inputs.

Run with Debian's python3-torch:  /usr/bin/python3 bench/torch/conv_reference.py
Every input, weight and seed is a multiple of a power of two small enough that every value printed below is exact
in Float32 and Float64 alike, so the C# facts compare exactly, in both dtypes.
"""
import torch
import torch.nn.functional as F


def pattern(n, step, modulus, shift, scale):
    """((i*step) mod modulus - shift) / scale for i = 0..n-1, the formula the C# facts use too."""
    return torch.tensor([((i * step) % modulus - shift) / scale for i in range(n)], dtype=torch.float64)


def show(name, t):
    print(f"{name} {list(t.shape)}: {', '.join(repr(v) for v in t.flatten().tolist())}")


def convolution():
    x = pattern(2 * 2 * 3 * 4, 7, 13, 6, 4).reshape(2, 2, 3, 4).requires_grad_()
    w = pattern(3 * 2 * 3 * 2, 5, 11, 5, 8).reshape(3, 2, 3, 2).requires_grad_()
    b = torch.tensor([0.5, -0.25, 1.0], dtype=torch.float64, requires_grad=True)
    y = F.conv2d(x, w, b, stride=2, padding=1)
    g = pattern(y.numel(), 3, 7, 3, 2).reshape(y.shape)
    y.backward(g)
    print("conv2d(x, w, b, stride=2, padding=1):", y.grad_fn.name())
    show("y", y.detach())
    show("x.grad", x.grad)
    show("w.grad", w.grad)
    show("b.grad", b.grad)


def max_pool(kernel, stride):
    x = pattern(2 * 5 * 5, 17, 50, 24, 4).reshape(1, 2, 5, 5).requires_grad_()
    y = F.max_pool2d(x, kernel, stride)
    g = pattern(y.numel(), 3, 7, 3, 2).reshape(y.shape)
    y.backward(g)
    print(f"max_pool2d(x, {kernel}, {stride}):", y.grad_fn.name())
    show("y", y.detach())
    show("x.grad", x.grad)
    nonzero = [(i, v) for i, v in enumerate(x.grad.flatten().tolist()) if v != 0]
    print("x.grad nonzero only at", ", ".join(f"{i}: {v!r}" for i, v in nonzero))


if __name__ == "__main__":
    print("torch", torch.__version__)
    convolution()
    max_pool(3, 2)
    max_pool(2, None)
