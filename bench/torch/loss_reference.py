"""PyTorch 1.13 reference values for tests/Properties/LossFacts.cs: nll_loss, cross_entropy, mse_loss and
binary_cross_entropy_with_logits (mean reduction) on small fixed Float32 inputs, their gradients, the large-logit
cases and the error messages.

Run with Debian's python3-torch:  /usr/bin/python3 bench/torch/loss_reference.py
Values are printed as Python floats (the exact doubles of the Float32 results), as LossFacts.cs quotes them.
"""
import warnings

import torch
import torch.nn.functional as F


def leaf(values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype, requires_grad=True)


def show(name, loss, *inputs):
    loss.backward()
    print(f"{name}: {loss.item()!r} {loss.dtype} {type(loss.grad_fn).__name__}")
    for i, x in enumerate(inputs):
        print(f"  grad {i}: {x.grad.tolist()!r} {x.grad.dtype}")


def error(name, f):
    try:
        f()
        print(f"{name}: no error")
    except Exception as e:  # noqa: BLE001 - we want PyTorch's message, whatever the type
        print(f"{name}: {type(e).__name__}: {e}")


print("torch", torch.__version__)

# nll_loss
LOG_PROBS = [[-1.2, -0.5, -2.3, -0.1, -3.0], [-0.7, -1.9, -0.4, -2.2, -1.1], [-2.5, -0.3, -1.6, -0.9, -0.05]]
x = leaf(LOG_PROBS)
show("nll_loss [3,5] targets [1,0,4]", F.nll_loss(x, torch.tensor([1, 0, 4])), x)
x = leaf(LOG_PROBS[0])
show("nll_loss [5] target 3", F.nll_loss(x, torch.tensor(3)), x)

# cross_entropy
LOGITS = [[0.2, -1.3, 0.8, 2.1, -0.4], [1.5, 0.3, -0.7, 0.0, 2.2], [-1.1, 0.6, 0.9, -2.0, 0.4]]
x = leaf(LOGITS)
show("cross_entropy [3,5] targets [3,0,2]", F.cross_entropy(x, torch.tensor([3, 0, 2])), x)
x = leaf(LOGITS[1])
show("cross_entropy [5] target 4", F.cross_entropy(x, torch.tensor(4)), x)
x = leaf([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 1000.0], [-1000.0, 1000.0, 0.0]])
show("cross_entropy large logits targets [0,2,0]", F.cross_entropy(x, torch.tensor([0, 2, 0])), x)

# mse_loss
x = leaf([[0.5, -1.0, 2.0], [1.5, 0.0, -0.25]])
t = leaf([[1.0, -0.5, 1.0], [0.0, 0.5, 0.75]])
show("mse_loss [2,3]", F.mse_loss(x, t), x, t)
x = leaf([0.5, -1.0, 2.0])
t = leaf([1.0, -0.5, 1.0], torch.float64)
mixed = F.mse_loss(x, t)
print(f"mse_loss float32 input, float64 target: {mixed.item()!r} {mixed.dtype}")
error("  its backward", mixed.backward)  # PyTorch 1.13 fails here; Nabla casts each gradient to its input's dtype

# binary_cross_entropy_with_logits
x = leaf([[0.3, -1.2, 2.5], [0.0, -0.7, 4.0]])
t = leaf([[1.0, 0.0, 1.0], [0.5, 0.2, 0.0]])
show("bce_with_logits [2,3]", F.binary_cross_entropy_with_logits(x, t), x, t)
x = leaf([1000.0, -1000.0, 1000.0, -1000.0])
t = leaf([1.0, 0.0, 0.0, 1.0])
show("bce_with_logits |x| = 1000", F.binary_cross_entropy_with_logits(x, t), x, t)

# errors
z = torch.zeros(3, 4)
error("nll_loss float targets", lambda: F.nll_loss(z, torch.tensor([0.0, 1.0, 2.0])))
error("nll_loss target 10 of 4 classes", lambda: F.nll_loss(z, torch.tensor([0, 1, 10])))
error("nll_loss 3 rows, 2 targets", lambda: F.nll_loss(z, torch.tensor([0, 1])))
error("nll_loss [4] with target [1]", lambda: F.nll_loss(torch.zeros(4), torch.tensor([1])))
error("nll_loss 0-dim input", lambda: F.nll_loss(torch.zeros(()), torch.tensor(0)))
error("cross_entropy target 10 of 4 classes", lambda: F.cross_entropy(z, torch.tensor([0, 1, 10])))
error("bce_with_logits [3] and [2]", lambda: F.binary_cross_entropy_with_logits(torch.zeros(3), torch.zeros(2)))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    error("mse_loss [3] and [2]", lambda: F.mse_loss(torch.zeros(3), torch.zeros(2)))
    error("mse_loss [3,1] and [3] (broadcasts)", lambda: print("  value", F.mse_loss(torch.zeros(3, 1), torch.ones(3)).shape))
    for w in caught:
        print(f"  warning: {w.message}")
