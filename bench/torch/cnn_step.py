"""PyTorch 1.13 twin of bench/Nabla.Bench/CnnStepBenchmarks.cs: one training step of the digits CNN.

Run with Debian's python3-torch:  /usr/bin/python3 bench/torch/cnn_step.py
Batch 32 of 1x8x8 images; conv 1->16 3x3 padding 1, ReLU, max-pool 2, conv 16->32 3x3 padding 1, ReLU, max-pool 2,
linear 128->10, log-softmax, NLL; the step is the forward pass and the gradients of the six parameters, as in the
C# benchmark. Prints the median time per step (and per no-grad forward) over repeated runs, with 2 threads.
"""
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(2)
torch.manual_seed(1)
x = torch.rand(32, 1, 8, 8) * 0.4 - 0.2
t = torch.arange(32) % 10
conv1, conv2, fc = nn.Conv2d(1, 16, 3, padding=1), nn.Conv2d(16, 32, 3, padding=1), nn.Linear(128, 10)
parameters = [*conv1.parameters(), *conv2.parameters(), *fc.parameters()]


def loss():
    h = F.max_pool2d(F.relu(conv1(x)), 2)
    h = F.max_pool2d(F.relu(conv2(h)), 2)
    return F.nll_loss(F.log_softmax(fc(h.flatten(1)), 1), t)


def train_step():
    torch.autograd.grad(loss(), parameters)


def forward_no_grad():
    with torch.no_grad():
        loss()


def median_us(f, runs=15, calls=200):
    for _ in range(300):
        f()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(calls):
            f()
        times.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(times)


if __name__ == "__main__":
    print(f"torch {torch.__version__}: train step {median_us(train_step):.0f} us, forward (no grad) {median_us(forward_no_grad):.0f} us")
