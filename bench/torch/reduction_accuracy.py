"""PyTorch 1.13's Float32 reductions at 10M and 16M elements against the same float32 values reduced in float64:
the twin of tests/Examples/ReductionAccuracyTests.cs (same sizes and ranges; the random values come from torch's
generator, not .NET's, so only the errors compare, not the sums). The figures are quoted in docs/BENCHMARKS.md.

Run with Debian's python3-torch:  /usr/bin/python3 bench/torch/reduction_accuracy.py [threads ...]   (default: 1 2)
Each line: what, the float32 result, the float64 result of the same float32 inputs, and the relative error (the
largest over the elements of a reduction over a dim). torch.dot goes to the BLAS torch is linked with (Debian's
generic libblas.so.3, netlib's reference sdot, unless LD_LIBRARY_PATH points it elsewhere).
"""
import sys

import torch
import torch.nn.functional as F

TEN, SIXTEEN = 10**7, 16 * 10**6


def uniform(n, lo, hi, *shape):
    return (lo + (hi - lo) * torch.rand(n)).reshape(*shape) if shape else lo + (hi - lo) * torch.rand(n)


def show(what, f32, f64):
    f32, f64 = torch.as_tensor(f32, dtype=torch.float64), torch.as_tensor(f64, dtype=torch.float64)
    err = ((f32 - f64).abs() / f64.abs()).max().item()
    print(f"{what:58s} {f32.flatten()[0].item()!r:>22} {f64.flatten()[0].item()!r:>22}  {err:.1e}")


def run(threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, BLAS {torch.__config__.show().split('BLAS_INFO=')[1].split(',')[0]}")
    x = torch.full((TEN,), 0.1)
    show("sum of 1e7 x 0.1f", x.sum(), x.double().sum())
    show("mean of 1e7 x 0.1f", x.mean(), x.double().mean())
    for n, lo, hi in [(TEN, 0, 1), (SIXTEEN, 0, 1), (TEN, -1, 1.25), (SIXTEEN, -1, 1.25)]:
        x = uniform(n, lo, hi)
        show(f"sum of {n:.1e} uniform [{lo}, {hi})", x.sum(), x.double().sum())
        show(f"mean of {n:.1e} uniform [{lo}, {hi})", x.mean(), x.double().mean())
    for shape, dim in [((2, 8 * 10**6), 1), ((TEN, 2), 0), ((8 * 10**6, 2), 0), ((2, 4 * 10**6, 2), 1), ((10**6, 16), 0)]:
        x = torch.rand(shape)
        show(f"sum(dim={dim}) of {list(shape)} uniform [0, 1)", x.sum(dim), x.double().sum(dim))
        show(f"mean(dim={dim}) of {list(shape)} uniform [0, 1)", x.mean(dim), x.double().mean(dim))

    x, t = uniform(SIXTEEN, -1, 1), uniform(SIXTEEN, -1, 1)
    show("mse_loss of 1.6e7 uniform [-1, 1)", F.mse_loss(x, t), F.mse_loss(x.double(), t.double()))
    logits, targets = uniform(10**7, -2, 2, 5 * 10**6, 2), torch.randint(0, 2, (5 * 10**6,))
    show("cross_entropy of [5e6, 2] uniform [-2, 2)", F.cross_entropy(logits, targets), F.cross_entropy(logits.double(), targets))
    x, t = uniform(TEN, -4, 4), torch.randint(0, 2, (TEN,)).float()
    show("binary_cross_entropy_with_logits of 1e7 uniform [-4, 4)",
         F.binary_cross_entropy_with_logits(x, t), F.binary_cross_entropy_with_logits(x.double(), t.double()))
    x = uniform(TEN, -3, 3)
    show("sum of softmax over a row of 1e7 uniform [-3, 3)", torch.softmax(x, 0).double().sum(), torch.tensor(1.0))
    show("x[0] - log_softmax(x)[0] (logsumexp), row of 1e7", x[0].double() - torch.log_softmax(x, 0)[0].double(),
         torch.logsumexp(x.double(), 0))
    x, y = uniform(TEN, -1, 1.25), torch.rand(TEN)
    show("dot of 1e7 uniform [-1, 1.25) and [0, 1)", torch.dot(x, y), torch.dot(x.double(), y.double()))
    x, b = torch.full((TEN,), 0.1), torch.ones(1, requires_grad=True)
    (x * b).sum().backward()
    show("(x * b).sum() -> b.grad, x 1e7 x 0.1f, b [1]", b.grad, x.double().sum())
    x, b = torch.zeros(8 * 10**6, 2), torch.zeros(2, requires_grad=True)
    (x + b).mean().backward()
    show("(x + b).mean() -> b.grad, x [8e6, 2], b [2]", b.grad, 8e6 * torch.tensor(1 / 16e6, dtype=torch.float32).double())


for threads in [int(a) for a in sys.argv[1:]] or [1, 2]:
    run(threads)
