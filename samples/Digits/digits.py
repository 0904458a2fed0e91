# PyTorch 1.13 twin of samples/Digits (same model, optimizer, batch size, epochs and 80/20 split protocol),
# for side-by-side timings in docs/BENCHMARKS.md. Not used by the library or its tests.
# Run: /usr/bin/python3 samples/Digits/digits.py [epochs] [seed]
import gzip, sys, time
import numpy as np
import torch
from torch import nn

torch.set_num_threads(2)
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 3
torch.manual_seed(seed)
path = __file__.rsplit("/", 1)[0] + "/data/digits.csv.gz"
data = np.loadtxt(gzip.open(path), delimiter=",", dtype=np.int64)
x = torch.tensor(data[:, :64], dtype=torch.float32).reshape(-1, 1, 8, 8) / 16
y = torch.tensor(data[:, 64])
MASK = (1 << 64) - 1


class Shuffle:
    """SplitMix64-driven Fisher-Yates, written as samples/Digits/Shuffle.cs: same seed, same permutation."""
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def permutation(self, n):
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.next() % (i + 1)
            order[i], order[j] = order[j], order[i]
        return order


order = Shuffle(seed).permutation(len(y))
batches = Shuffle(seed + 1)
cut = round(len(y) * 0.8)
xtr, ytr, xte, yte = x[order[:cut]], y[order[:cut]], x[order[cut:]], y[order[cut:]]

model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(128, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
train_time = 0.0
for epoch in range(epochs):
    model.train()
    perm = torch.tensor(batches.permutation(len(ytr)))  # pure Python, so made before the clock starts
    start = time.perf_counter()
    total = 0.0
    for i in range(0, len(ytr), 32):
        idx = perm[i:i + 32]
        loss = nn.functional.cross_entropy(model(xtr[idx]), ytr[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * len(idx)
    train_time += time.perf_counter() - start
    if "-v" in sys.argv: print(epoch + 1, round(total / len(ytr), 4))
model.eval()
with torch.no_grad():
    acc = (model(xte).argmax(1) == yte).float().mean().item()
print(f"PyTorch {torch.__version__}: {epochs} epochs in {train_time:.2f} s, test accuracy {acc:.3f}, "
      f"{sum(p.numel() for p in model.parameters())} parameters")
