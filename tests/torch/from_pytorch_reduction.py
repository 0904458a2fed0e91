"""The expected values of tests/Examples/FromPyTorch/Reduction.cs: the reduction vocabulary on from_pytorch.py's inputs.

Run with PyTorch 1.13: cd tests/torch && /usr/bin/python3 from_pytorch_reduction.py
"""
from from_pytorch import x, p, m, v, i, show

EXPRESSIONS = [
    "torch.max(x, 1).values",
    "torch.max(x, 1).indices",
    "torch.max(m, 0, keepdim=True).values",
    "torch.max(m, 0, keepdim=True).indices",
    "torch.min(x, 1).values",
    "torch.min(x, 1).indices",
    "torch.min(x)",
    "torch.argmin(m, 1)",
    "torch.sum(x, (0, 1))",
    "torch.sum(m, (-1,), keepdim=True)",
    "torch.mean(x, (0, 1))",
    "torch.mean(m, (0, 1), keepdim=True)",
    "torch.prod(p)",
    "torch.prod(p, 1)",
    "torch.prod(m, 0, keepdim=True)",
    "torch.norm(x)",
    "torch.norm(x, 1)",
    "torch.norm(x, float('inf'))",
    "torch.norm(p, 3)",
    "torch.norm(m, 2, 1)",
    "torch.norm(x, 1, 0, keepdim=True)",
    "torch.var(x)",
    "torch.var(x, 1)",
    "torch.var(m, 0, correction=0, keepdim=True)",
    "torch.std(x)",
    "torch.std(m, 1, correction=2)",
    "torch.logsumexp(x, 1)",
    "torch.logsumexp(m, 0, keepdim=True)",
    "torch.cumsum(x, 1)",
    "torch.cumsum(m, 0)",
]

import torch  # noqa: E402  (eval sees torch through this module)

if __name__ == "__main__":
    for e in EXPRESSIONS:
        show(e)
