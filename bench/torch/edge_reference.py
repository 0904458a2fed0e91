# Reference values for tests/Examples/EdgeNumericsTests.cs and the Int64 additions to Int64ArithmeticTests.cs:
# gradients at the edges of the float range, Float32 Adam steps, pow's special exponents, Int64 arithmetic and
# shapes, as PyTorch 1.13 computes them.
# Run: /usr/bin/python3 bench/torch/edge_reference.py
import torch
import torch.autograd.forward_ad as fwAD

torch.set_printoptions(precision=4)


def show(label, value):
    print(f"{label}: {value!r}")


print("# division and reciprocal gradients (float32)")
x = torch.tensor(1e-30, requires_grad=True)
(x / x).backward()
show("x/x at 1e-30, x.grad", x.grad)
a = torch.tensor(1e30, requires_grad=True)
b = torch.tensor(1e20, requires_grad=True)
(a / b).backward()
show("1e30/1e20 a.grad, b.grad", (a.grad, b.grad))
b = torch.tensor(1e20, requires_grad=True)
q = 1e30 / b
q.backward()
show("(1e30 / b) at 1e20: grad_fn, b.grad", (q.grad_fn.name(), b.grad))
c = torch.tensor(1e-20, requires_grad=True)
(1e-30 / c).backward()
show("(1e-30 / c) at 1e-20: c.grad", c.grad)
d = torch.tensor(4.0, requires_grad=True)
d.reciprocal().backward()
show("reciprocal at 4: grad", d.grad)
with fwAD.dual_level():
    v = fwAD.make_dual(torch.tensor(1e-30), torch.tensor(1.0))
    show("jvp x/x at 1e-30", fwAD.unpack_dual(v / v).tangent)
    v = fwAD.make_dual(torch.tensor(1e20), torch.tensor(1.0))
    show("jvp 1e30/b at 1e20 (tangent of b: 1)", fwAD.unpack_dual(torch.tensor(1e30) / v).tangent)
    v = fwAD.make_dual(torch.tensor(1e20), torch.tensor(1e30))
    show("jvp reciprocal at 1e20, tangent 1e30", fwAD.unpack_dual(v.reciprocal()).tangent)

print("# Float32 Adam: 37 parameters (SIMD lanes and a scalar tail), gradients set by hand, three steps")
for kwargs in [dict(lr=1.0), dict(lr=0.5, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)]:
    p = torch.tensor([0.25 * (i % 7) - 0.75 for i in range(37)], requires_grad=True)
    opt = torch.optim.Adam([p], **kwargs)
    for step in range(3):
        p.grad = torch.tensor([((i * 5 + step * 3) % 11 - 5) / 4.0 for i in range(37)])
        opt.step()
    # the shortest text that reads back as the same float32
    print(f"Adam {kwargs} after 3 steps:", ", ".join(f"{v!r}f" for v in p.detach().numpy()))

print("# pow by a scalar at -inf, -0, 4, inf: PyTorch's kernel takes sqrt for 0.5, 1/sqrt for -0.5, 1/x for -1,")
print("# x*x for 2, x*x*x for 3, 1/(x*x) for -2 and std::pow otherwise")
for dtype in [torch.float32, torch.float64]:
    for p in [0.5, -0.5, -1.0, 2.0, 3.0, -2.0, 1.5]:
        x = torch.tensor([float("-inf"), -0.0, 4.0, float("inf")], dtype=dtype, requires_grad=True)
        y = x.pow(p)
        y.sum().backward()
        show(f"{dtype} pow({p}) value, grad", (y.detach(), x.grad))
show("tensor(-inf).pow(tensor(0.5))", torch.tensor(float("-inf")).pow(torch.tensor(0.5)))

print("# Int64 arithmetic: integer scalars keep Int64, exact and wrapping")
a = torch.tensor([1, 2])
show("a + 1, a - 1, 1 - a, a * 2, 2 * a", (a + 1, a - 1, 1 - a, a * 2, 2 * a))
show("a / 2, 2 / a, a + 2.5", (a / 2, 2 / a, a + 2.5))
show("(ones(2) + 1).dtype, (ones(2, float64) * 2).dtype", ((torch.ones(2) + 1).dtype, (torch.ones(2, dtype=torch.float64) * 2).dtype))
w = torch.ones(2, requires_grad=True)
show("ones(2, requires_grad) * 3 + 1", w * 3 + 1)
show("[2**62] * 4, [2**63-1] + 1, -[-2**63], [1] + 2**62", (torch.tensor([2**62]) * 4, torch.tensor([2**63 - 1]) + 1, -torch.tensor([-2**63]), torch.tensor([1]) + 2**62))
show("[-2**63].abs()", torch.tensor([-2**63]).abs())
show("[2**63-1, 1].sum(), [2**53+1, 2].sum()", (torch.tensor([2**63 - 1, 1]).sum(), torch.tensor([2**53 + 1, 2]).sum()))
show("[[2**53+1], [2]].sum(0), [[2**53+1, 2]].sum(1)", (torch.tensor([[2**53 + 1], [2]]).sum(0), torch.tensor([[2**53 + 1, 2]]).sum(1)))
show("[2**53, 2**53+1].argmax(0), [2**53+1, 2**53].max()", (torch.tensor([2**53, 2**53 + 1]).argmax(0), torch.tensor([2**53 + 1, 2**53]).max()))
show("[3].pow(39), [3].pow(40), [2].pow(63), [2].pow(64)", (torch.tensor([3]).pow(39), torch.tensor([3]).pow(40), torch.tensor([2]).pow(63), torch.tensor([2]).pow(64)))
show("[3] ** tensor([39]), [1, 2] ** tensor(2)", (torch.tensor([3]) ** torch.tensor([39]), torch.tensor([1, 2]) ** torch.tensor(2)))
show("[2, 3, -1, 1, -1] ** [-1, -2, -3, -5, -4]", torch.tensor([2, 3, -1, 1, -1]) ** torch.tensor([-1, -2, -3, -5, -4]))
show("[1, 2].pow(2.0) (a float exponent gives float)", torch.tensor([1, 2]).pow(2.0))
show("[[2**53+1, 1]] @ [[1], [1]]", torch.tensor([[2**53 + 1, 1]]) @ torch.tensor([[1], [1]]))
show("[2**62, 2**62] @ [2, 2] (wraps)", torch.tensor([2**62, 2**62]) @ torch.tensor([2, 2]))
show("[[2**53+1, 3], [1, 2]] @ [2**53+1, 1]", torch.tensor([[2**53 + 1, 3], [1, 2]]) @ torch.tensor([2**53 + 1, 1]))
bm = torch.tensor([[[2**53 + 1, 1]], [[3, 2**40]]])
show("[[[2**53+1, 1]], [[3, 2**40]]] @ [[1], [2**20]]", bm @ torch.tensor([[1], [2**20]]))
show("[2**53+1, 1] @ [[1, 2], [3, 4]]", torch.tensor([2**53 + 1, 1]) @ torch.tensor([[1, 2], [3, 4]]))
show("tensor([9007199254740993]), [[1, -9007199254740993]]", (torch.tensor([9007199254740993]), torch.tensor([[1, -9007199254740993]])))
show("[9007199254740993, -2**63].tolist(), [2.7, -2.7].long().tolist()", (torch.tensor([9007199254740993, -2**63]).tolist(), torch.tensor([2.7, -2.7]).long().tolist()))
