"""The expected values of tests/Examples/FromPyTorch/Creation.cs (issue 13's creation rows).

Run with PyTorch 1.13: cd tests/torch && /usr/bin/python3 from_pytorch_creation.py [substring]
"""
import sys
import torch
from from_pytorch import x, p, m, v, i, show

EXPRESSIONS = [
    "torch.arange(1, 10, 3)",
    "torch.arange(5, 0, -2)",
    "torch.arange(0, 1, 0.1)",
    "torch.arange(1, 1.3, 0.1, dtype=torch.float64)",
    "torch.arange(-1, 1, 0.125, dtype=torch.float64)",
    "torch.arange(-3.7, 9.1, 0.3)",
    "torch.arange(-3.7, 9.1, 0.3, dtype=torch.float64)",
    "torch.arange(-2.5, 2.5, 1.25, dtype=torch.int64)",
    "torch.linspace(-1, 1, 5)",
    "torch.linspace(0, 1, 7, dtype=torch.float64)",
    "torch.linspace(-0.3, 0.7, 20)",
    "torch.linspace(0, 10, 4, dtype=torch.int64)",
    "torch.linspace(0, 100, 30, dtype=torch.int64)",
    "torch.linspace(2, 3, 1)",
    "torch.zeros_like(x)",
    "torch.zeros_like(v, dtype=torch.float64)",
    "torch.ones_like(i)",
    "torch.ones_like(m)",
    "torch.full_like(m, 2.5)",
    "torch.full_like(i, 7)",
    "torch.full_like(i, 2.5)",
]

if __name__ == "__main__":
    for e in EXPRESSIONS:
        if len(sys.argv) < 2 or sys.argv[1] in e:
            show(e)
