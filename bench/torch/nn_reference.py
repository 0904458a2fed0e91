# Reference output for tests/Examples/ModuleTests.cs (freezing, counting, names, repr), PyTorch 1.13.
# Run: /usr/bin/python3 bench/torch/nn_reference.py
import torch
from torch import nn

lin = nn.Linear(3, 2)
lin.weight.requires_grad = False
y = lin(torch.ones(1, 3))
print(y.grad_fn.name(), [f[0].name() if f[0] else None for f in y.grad_fn.next_functions])
y.sum().backward()
print(lin.weight.grad, lin.bias.grad)
print(sum(p.numel() for p in lin.parameters() if p.requires_grad), "of", sum(p.numel() for p in lin.parameters()))

model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
for p in model[0].parameters():
    p.requires_grad = False
print([n for n, _ in model.named_parameters()])
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in model.parameters() if p.requires_grad))
print(model)
h = model[0](torch.ones(5, 4))
print("frozen layer output:", h.requires_grad, h.grad_fn)
out = model(torch.ones(5, 4))
print(out.grad_fn.name())

model.requires_grad_(False)
out = model(torch.ones(5, 4))
print(out.requires_grad, out.grad_fn)
try:
    out.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)

with torch.no_grad():
    l = nn.Linear(2, 2)
print("made under no_grad:", l.weight.requires_grad, l.weight.is_leaf)
print(nn.Dropout(0.25), nn.Flatten(), nn.Tanh(), nn.Sequential(nn.Sequential(nn.Linear(1, 1))))
print(nn.Linear(2, 3, bias=False))
print([n for n, _ in nn.Sequential(nn.Sequential(nn.Linear(1, 1)), nn.Linear(1, 1)).named_parameters()])
d = nn.Dropout(0.5); d.eval(); x = torch.ones(4); print(d(x) is x)
print(nn.functional.linear(torch.ones(3), torch.ones(2, 3), torch.ones(2)).grad_fn)
