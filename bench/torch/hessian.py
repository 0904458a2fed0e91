# torch.autograd.functional.hessian of f(x) = sum(tanh(A x)), x in R^64, float64, 2 threads: the twin of
# bench/Nabla.Bench/HessianBenchmarks.cs. Run: /usr/bin/python3 bench/torch/hessian.py
import time, statistics
import torch

torch.set_num_threads(2)
torch.manual_seed(0)
n = 64
a = torch.randn(n, n, dtype=torch.float64) / n ** 0.5
x = torch.randn(n, dtype=torch.float64)
f = lambda v: torch.tanh(a @ v).sum()
for vectorize in (False, True):
    for _ in range(20):
        torch.autograd.functional.hessian(f, x, vectorize=vectorize)
    times = []
    for _ in range(15):
        start = time.perf_counter()
        for _ in range(20):
            torch.autograd.functional.hessian(f, x, vectorize=vectorize)
        times.append((time.perf_counter() - start) / 20)
    h = torch.autograd.functional.hessian(f, x, vectorize=vectorize)
    print(f"torch {torch.__version__}: hessian of sum(tanh(A x)), n={n}, vectorize={vectorize}: "
          f"median {statistics.median(times) * 1e3:.3f} ms (min {min(times) * 1e3:.3f}); symmetric: {torch.allclose(h, h.T)}")
