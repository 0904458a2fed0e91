"""The expected values of tests/Examples/FromPyTorch/*.cs: each row's PyTorch expression on the same inputs.

Run with PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 tests/torch/from_pytorch.py [substring]
Prints, per expression, the values as C# doubles (repr of each float, row-major), shape, dtype and grad_fn.
"""
import sys
import torch

x = torch.tensor([[-0.9, -0.4, 0.3], [0.5, 0.75, 0.2]], requires_grad=True)
p = torch.tensor([[0.5, 1.5, 2.0], [2.5, 3.0, 4.0]], requires_grad=True)
m = torch.tensor([[2.0, -1.0, 0.5], [1.0, 3.0, -2.0], [0.25, 0.5, 4.0]], requires_grad=True)
v = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
i = torch.tensor([2, 0, 1])

EXPRESSIONS = [
    "torch.exp(x)",
]


def show(expression):
    y = eval(expression)
    ys = y if isinstance(y, (tuple, list)) else [y]
    for k, t in enumerate(ys):
        values = ", ".join(repr(float(e)) for e in t.detach().reshape(-1).tolist())
        grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
        print(f"{expression}{f' [{k}]' if len(ys) > 1 else ''}: [{values}] shape {list(t.shape)} {t.dtype} grad_fn {grad_fn}")


if __name__ == "__main__":
    for e in EXPRESSIONS:
        if len(sys.argv) < 2 or sys.argv[1] in e:
            show(e)
