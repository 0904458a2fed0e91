"""The expected values of the einsum rows of tests/Examples/FromPyTorch/Matrix.cs.

Run with PyTorch 1.13: cd tests/torch && /usr/bin/python3 from_pytorch_einsum.py [substring]
"""
import sys
import torch
from from_pytorch import x, p, m, v, i, show

EINSUM = [
    "torch.einsum('ij,jk->ik', x, m)",
    "torch.einsum('ij,kj', x, p)",
    "torch.einsum('bij,bjk->bik', x.unsqueeze(0), m.unsqueeze(0))",
    "torch.einsum('ii->i', m)",
    "torch.einsum('ii', m)",
    "torch.einsum('ij->', x)",
    "torch.einsum('ij->j', x)",
    "torch.einsum('ji', x)",
    "torch.einsum('i,j->ij', v, v)",
    "torch.einsum('ij,ij->i', x, p)",
    "torch.einsum('...j,j->...', x, v)",
    "torch.einsum('ij,jk,kl->il', x, m, m)",
    "torch.einsum('i,i', i, i)",
]

if __name__ == "__main__":
    for e in EINSUM:
        if len(sys.argv) < 2 or sys.argv[1] in e:
            show(e)
