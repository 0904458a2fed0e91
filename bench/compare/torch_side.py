"""PyTorch side of the side-by-side harness (bench/compare/Program.cs starts it; it is not meant to be run by hand).

It answers one command per line on stdin with one JSON line on stdout:
    info                  -> {"torch": ..., "threads": ..., "blas": ..., "python": ...}
    run <workload> <n>    -> {"samples": [...]}: n samples, each the mean over one block of repetitions
Each workload here is the twin of the one of the same name in bench/compare/Workloads.cs; the block sizes match.
Runs with Debian's python3-torch (/usr/bin/python3), 2 threads. Not used by the library or its tests.
"""
import json
import os
import platform
import sys
import time

import torch
from torch import nn

torch.set_num_threads(2)


def timed_block(step, reps):
    """Mean seconds per call of step() over reps calls."""
    start = time.perf_counter()
    for _ in range(reps):
        step()
    return (time.perf_counter() - start) / reps


# ops: a 3,000-op scalar chain y = tanh(y * 1.0001 + 0.001) with backward, ns per op.
CHAIN_STEPS, CHAIN_OPS = 1000, 3


def chain():
    x = torch.tensor(0.5, dtype=torch.float32, requires_grad=True)
    y = x
    for _ in range(CHAIN_STEPS):
        y = torch.tanh(y * 1.0001 + 0.001)
    y.backward()
    return x.grad.item()


def ops(n):
    return [timed_block(chain, 5) / (CHAIN_STEPS * CHAIN_OPS) * 1e9 for _ in range(n)]


# mlp: Linear 784-512-512-10 with ReLU, float32, batch 128, cross-entropy, SGD step; ms per step.
torch.manual_seed(0)
mlp_model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
mlp_opt = torch.optim.SGD(mlp_model.parameters(), lr=0.01)
mlp_x = torch.randn(128, 784)
mlp_t = torch.randint(0, 10, (128,))


def mlp_step():
    mlp_opt.zero_grad(set_to_none=True)  # as Nabla's ZeroGrad() and PyTorch 2.x default
    loss = nn.functional.cross_entropy(mlp_model(mlp_x), mlp_t)
    loss.backward()
    mlp_opt.step()


def mlp(n):
    return [timed_block(mlp_step, 10) * 1e3 for _ in range(n)]


# infer: the same MLP forward on batch 1024, in grad mode and under no_grad; ms per forward.
infer_x = torch.randn(1024, 784)


def infer_grad(n):
    return [timed_block(lambda: mlp_model(infer_x), 5) * 1e3 for _ in range(n)]


def infer_nograd_step():
    with torch.no_grad():
        mlp_model(infer_x)


def infer_nograd(n):
    return [timed_block(infer_nograd_step, 5) * 1e3 for _ in range(n)]


# hessian: torch.autograd.functional.hessian of sum(tanh(A x)), x in R^64, float64; ms per Hessian.
hess_a = torch.randn(64, 64, dtype=torch.float64) / 8
hess_x = torch.randn(64, dtype=torch.float64)


def hessian(n, vectorize=False):
    f = lambda v: torch.tanh(hess_a @ v).sum()
    return [timed_block(lambda: torch.autograd.functional.hessian(f, hess_x, vectorize=vectorize), 10) * 1e3
            for _ in range(n)]


# memory: bytes kept alive beyond the output by a 16-layer 512-wide tanh MLP forward on batch 256, counted as the
# distinct storages the graph saved for backward (saved_tensors_hooks), leaving out the output's, the input's and the
# parameters' storages (they live anyway; Nabla's figure, the heap's growth over the forward, leaves them out too).
mem_layers = [nn.Linear(512, 512) for _ in range(16)]
mem_x = torch.randn(256, 512)


def memory_forward():
    saved = {}

    def pack(t):
        saved[t.storage().data_ptr()] = t.storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        y = mem_x
        for layer in mem_layers:
            y = torch.tanh(layer(y))
    for t in [y, mem_x] + [p for layer in mem_layers for p in layer.parameters()]:
        saved.pop(t.storage().data_ptr(), None)
    return float(sum(saved.values()))


def memory_grad(n):
    return [memory_forward() for _ in range(n)]


def memory_nograd(n):
    with torch.no_grad():
        return [memory_forward() for _ in range(n)]


# The vocabulary workloads (issue 13), float32, ms per call: the twins of Workloads.Vocabulary.
torch.manual_seed(1)
cat_parts = [torch.randn(512, 256) for _ in range(4)]
sliced = torch.randn(1024, 1024, requires_grad=True)
slice_seed = torch.ones(1024, 500)


queries, keys = torch.randn(8, 8, 128, 64), torch.randn(8, 8, 128, 64)
logits = torch.randn(1024, 1024)


def einsum(n):
    return [timed_block(lambda: torch.einsum("bhqd,bhkd->bhqk", queries, keys), 10) * 1e3 for _ in range(n)]


def logsumexp(n):
    return [timed_block(lambda: torch.logsumexp(logits, 1), 20) * 1e3 for _ in range(n)]


def cat(n):
    return [timed_block(lambda: torch.cat(cat_parts, dim=1), 20) * 1e3 for _ in range(n)]


def slice_backward_step():
    sliced.grad = None
    sliced[:, 100:600].backward(slice_seed)


def slice_backward(n):
    return [timed_block(slice_backward_step, 20) * 1e3 for _ in range(n)]


WORKLOADS = {
    "cat": cat, "slice-backward": slice_backward, "einsum": einsum, "logsumexp": logsumexp,
    "ops": ops, "mlp": mlp, "infer-grad": infer_grad, "infer-nograd": infer_nograd,
    "hessian": hessian, "hessian-vectorized": lambda n: hessian(n, vectorize=True),
    "memory-grad": memory_grad, "memory-nograd": memory_nograd,
}


def blas():
    """The BLAS library torch's libblas.so.3 resolved to in this process (Debian's torch is built against the generic
    libblas.so.3, which is netlib's reference BLAS unless the harness points it at MKL), with its real path."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "libblas" in line or "mkl_rt" in line}
    return ", ".join(sorted(f"{p} -> {os.path.realpath(p)}" if os.path.islink(p) else p for p in paths)) or "none loaded"


def main():
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "info":
            answer = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas(),
                      "python": platform.python_version()}
        elif words[0] == "run":
            answer = {"samples": WORKLOADS[words[1]](int(words[2]))}
        else:
            answer = {"error": f"unknown command {words[0]}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
