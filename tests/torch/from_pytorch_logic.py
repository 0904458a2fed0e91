"""Expected values of tests/Examples/FromPyTorch/Logic.cs (run: cd tests/torch && /usr/bin/python3 from_pytorch_logic.py)."""
import torch
from from_pytorch import x, p, m, v, i, show

for e in [
    "x > 0",
    "x.eq(p)",
    "m.le(v)",
    "i.ne(0)",
    "(x > 0).logical_not()",
    "(x > 0).logical_and(p > 2)",
    "(x > 0).logical_or(p > 2)",
    "(x > 0).any()",
    "(x > 0).all()",
    "(x > 0).sum()",
    "x.masked_fill(x > 0, 0.0)",
    "torch.where(x > 0, x, p)",
    "torch.where(m > 0, m, 0.0)",
    "x.clamp(-0.5, 0.5)",
    "x.clamp(min=0.0)",
    "x.clamp_min(0.25)",
    "x.clamp_max(0.25)",
    "m[m > 0]",
]:
    show(e)
