"""PyTorch 1.13 twin of bench/Nabla.Bench/OpChainBenchmarks.cs: a 3,000-op scalar chain, forward and backward.

Run with Debian's python3-torch:  /usr/bin/python3 bench/torch/op_chain.py
Prints the median time per op over repeated runs, with 2 threads, as docs/BENCHMARKS.md quotes it.
"""
import statistics
import time

import torch

torch.set_num_threads(2)
STEPS, OPS_PER_STEP = 1000, 3


def chain_forward_backward():
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(STEPS):
        y = torch.tanh(y * 1.0001 + 0.001)
    y.backward()
    return x.grad.item()


def chain_forward_no_grad():
    with torch.no_grad():
        y = torch.tensor(0.5)
        for _ in range(STEPS):
            y = torch.tanh(y * 1.0001 + 0.001)
        return y.item()


def per_op_ns(f, repeats=30):
    for _ in range(3):
        f()
    times = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        f()
        times.append((time.perf_counter_ns() - start) / (STEPS * OPS_PER_STEP))
    return statistics.median(times)


if __name__ == "__main__":
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"ChainForwardBackward: {per_op_ns(chain_forward_backward):.0f} ns/op")
    print(f"ChainForwardNoGrad:   {per_op_ns(chain_forward_no_grad):.0f} ns/op")
