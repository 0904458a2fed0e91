"""The expected values of tests/Examples/FromPyTorch/Shape.cs and Matrix.cs: the shape and matrix rows of the vocabulary.

Run with PyTorch 1.13: cd tests/torch && /usr/bin/python3 from_pytorch_shapes.py [substring]
"""
import sys
import torch
from from_pytorch import x, p, m, v, i, show

SHAPES = [
    "x.permute(1, 0)",
    "x.expand(2, 2, 3)",
    "v.expand(2, -1)",
    "x.view(3, 2)",
    "x.view(-1)",
    "x.flatten()",
    "x.unflatten(1, (3, 1))",
    "x.repeat(2, 1)",
    "v.repeat(2, 2)",
    "x.reshape(1, 2, 1, 3).squeeze()",
    "x.flip(0)",
    "x.flip(0, 1)",
]

MATRICES = [
    "m.diagonal()",
    "m.diagonal(1)",
    "x.diagonal(-1)",
    "m.trace()",
    "v.outer(v)",
    "torch.diag(v)",
    "torch.diag(m)",
    "torch.diag(v, 1)",
    "torch.tril(m)",
    "m.tril(-1)",
    "torch.triu(m)",
    "m.triu(1)",
    "torch.triu(x, 1)",
]

if __name__ == "__main__":
    for e in SHAPES + MATRICES:
        if len(sys.argv) < 2 or sys.argv[1] in e:
            show(e)
