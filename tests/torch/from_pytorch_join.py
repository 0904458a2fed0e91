"""Expected values of tests/Examples/FromPyTorch/Join.cs (run: cd tests/torch && /usr/bin/python3 from_pytorch_join.py)."""
import torch
from from_pytorch import x, p, m, v, i, show

for e in [
    "torch.cat([x, p])",
    "torch.cat([x, p], dim=1)",
    "torch.stack([x, p])",
    "torch.stack([x, p], dim=-1)",
    "x.narrow(1, 1, 2)",
    "x.split(2, dim=1)",
    "x.split([1, 2], dim=1)",
    "m.chunk(2)",
    "m.unbind(1)",
]:
    show(e)
