# Reference values for tests/Examples/OptimizerTests.cs: two steps of SGD and Adam on
# loss = sum(c * p**3) with p = [1, -2, 0.5], c = [0.5, 1, -2], in float64, PyTorch 1.13.
# Run: /usr/bin/python3 bench/torch/optim_reference.py
import torch

torch.set_printoptions(precision=17)

def run(make):
    p = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64, requires_grad=True)
    c = torch.tensor([0.5, 1.0, -2.0], dtype=torch.float64)
    opt = make([p])
    for step in range(2):
        opt.zero_grad()
        (c * p ** 3).sum().backward()
        opt.step()
        print(f"  step {step + 1}: {p.detach().tolist()}")

for name, make in [
    ("SGD lr=0.1", lambda ps: torch.optim.SGD(ps, lr=0.1)),
    ("SGD lr=0.1 momentum=0.9 weight_decay=0.01", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01)),
    ("Adam lr=0.1", lambda ps: torch.optim.Adam(ps, lr=0.1)),
    ("Adam lr=0.01 betas=(0.8, 0.9) eps=1e-6 weight_decay=0.1", lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.8, 0.9), eps=1e-6, weight_decay=0.1)),
]:
    print(name)
    run(make)
