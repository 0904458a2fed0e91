"""Expected values of tests/Examples/FromPyTorch/Index.cs (run: cd tests/torch && /usr/bin/python3 from_pytorch_index.py)."""
import torch
from from_pytorch import x, p, m, v, i, show

for e in [
    "m[1]",
    "m[-1]",
    "m[:, 0]",
    "m[1:3]",
    "m[:, :2]",
    "m[..., 1]",
    "m[None, 0]",
    "m[i]",
    "m[:, i]",
    "m[i, i]",
    "m.index_select(1, i)",
    "m.gather(1, torch.tensor([[0], [2], [1]]))",
    "m.scatter_add(0, torch.tensor([[1, 2, 0]]), p[:1])",
]:
    show(e)
