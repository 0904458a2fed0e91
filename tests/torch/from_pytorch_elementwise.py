"""The expected values of tests/Examples/FromPyTorch/Elementwise.cs (issue 13's elementwise vocabulary).

Run with PyTorch 1.13: cd tests/torch && /usr/bin/python3 from_pytorch_elementwise.py
"""
import torch  # noqa: F401  (the expressions use it)
from from_pytorch import x, p, m, v, i, show  # noqa: F401

EXPRESSIONS = [
    "torch.log1p(x)",
    "torch.expm1(x)",
    "torch.erf(x)",
    "torch.tan(x)",
    "torch.atan(x)",
    "torch.asin(x)",
    "torch.acos(x)",
    "torch.sinh(x)",
    "torch.cosh(x)",
    "torch.rsqrt(p)",
    "torch.square(x)",
    "torch.reciprocal(p)",
    "torch.atan2(x, v)",
    "torch.sign(x)",
    "torch.floor(3 * x)",
    "torch.ceil(3 * x)",
    "torch.round(3 * x)",
    "torch.round(x, decimals=1)",
    "torch.maximum(x, v)",
    "torch.minimum(x, v)",
]

if __name__ == "__main__":
    for e in EXPRESSIONS:
        show(e)
