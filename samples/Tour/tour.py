"""PyTorch twin of the Nabla tour (samples/Tour): the same sections, in the same order, printing the same lines.

Run with a Python that has PyTorch 1.13 (here /usr/bin/python3) and compare:

    diff <(dotnet run --project samples/Tour) <(/usr/bin/python3 samples/Tour/tour.py)

The only expected difference is the dtype spelling: PyTorch prints dtype=torch.float64, Nabla dtype=float64.
Each step echoes its source as a REPL would (">>> " then "... " for continuation lines) and then runs it, so the
snippets shown are exactly the code that produced the values.
"""
import torch

env = {"torch": torch}


def section(title):
    print()
    print("# " + title)


def step(source):
    lines = source.strip("\n").split("\n")
    print(">>> " + lines[0])
    for line in lines[1:]:
        print("... " + line)
    exec(source.strip("\n"), env)


def check_default_mode():
    # Every section leaves grad mode as it found it.
    assert torch.is_grad_enabled() and not torch.is_inference_mode_enabled()


section("requires_grad, backward() and .grad: the sum of squares")
step("x = torch.tensor(2.0, requires_grad=True)")
step("y = torch.tensor(3.0, requires_grad=True)")
step("z = torch.tensor(4.0, requires_grad=True)")
step("f = x**2+y**2+z**2")
step("f.backward()")
step("print(x.grad, y.grad, z.grad, f)")
check_default_mode()

section(".grad is None until a backward reaches the tensor")
step("params = torch.tensor([1.0, 0.0], requires_grad=True)")
step("print(params.grad)")
step("print(params)")
check_default_mode()

section("no_grad as a scope")
step("x = torch.tensor([1.], requires_grad=True)")
step("""with torch.no_grad():
    y = x * 2""")
step("print(y.requires_grad)")
step("print(y, y.grad_fn, y.is_leaf)")
step("print(torch.is_grad_enabled())")
check_default_mode()

section("no_grad as a decorator")
step("""@torch.no_grad()
def doubler(x):
    return x * 2""")
step("z = doubler(x)")
step("print(z.requires_grad)")
check_default_mode()

section("the same function without the decorator")
step("""def doubler(x):
    return x * 2""")
step("z = doubler(x)")
step("print(z.requires_grad)")
step("print(z)")
check_default_mode()

section("enable_grad inside no_grad, as a scope")
step("x = torch.tensor([1.], requires_grad=True)")
step("""with torch.no_grad():
    with torch.enable_grad():
        y = x * 2""")
step("print(y.requires_grad)")
step("print(y)")
step("y.backward()")
step("print(x.grad)")
check_default_mode()

section("enable_grad as a decorator, called inside no_grad")
step("""@torch.enable_grad()
def doubler(x):
    return x * 2""")
step("""with torch.no_grad():
    z = doubler(x)
    print(torch.is_grad_enabled())""")
step("print(z.requires_grad)")
check_default_mode()

section("set_grad_enabled as a scope")
step("x = torch.tensor([1.], requires_grad=True)")
step("is_train = False")
step("""with torch.set_grad_enabled(is_train):
    y = x * 2""")
step("print(y.requires_grad)")
step("print(torch.is_grad_enabled())")
check_default_mode()

section("set_grad_enabled as a plain call: it takes effect at once")
step("torch.set_grad_enabled(True)")
step("y = x * 2")
step("print(y.requires_grad)")
step("torch.set_grad_enabled(False)")
step("y = x * 2")
step("print(y.requires_grad)")
step("torch.set_grad_enabled(True)")
step("print(torch.is_grad_enabled())")
check_default_mode()

section("the closest scope wins: a plain set_grad_enabled(False) inside enable_grad")
step("x = torch.tensor([1.], requires_grad=True)")
step("""with torch.enable_grad():
    torch.set_grad_enabled(False)
    y = x * 2
    print(y.requires_grad)""")
step("print(torch.is_grad_enabled())")
check_default_mode()

section("the closest scope wins: no_grad after a plain set_grad_enabled(True)")
step("torch.set_grad_enabled(True)")
step("""with torch.no_grad():
    z = x * 2
    print(z.requires_grad)""")
step("print(torch.is_grad_enabled())")
check_default_mode()

section("no_grad leaves the input alone: A.grad stays None")
step("A = torch.tensor([5.0], requires_grad=True)")
step("""with torch.no_grad():
    B = A**2 + 16""")
step("print('Cálculo de gradiente con torch.no_grad: ', A.grad)")
step("print('\\nTensor original: ', A)")
step("print('\\nMuestra de cálculo aritmético: ', B)")
check_default_mode()

section("inference_mode")
step("x = torch.tensor([1.], requires_grad=True)")
step("""with torch.inference_mode():
    y = x * 2
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())""")
step("print(y, y.requires_grad, y.is_leaf)")
step("print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())")
check_default_mode()

section("gradients accumulate across backward calls")
step("x = torch.tensor([1., 2., 3.], requires_grad=True)")
step("y = (x * x).sum()")
step("y.backward(retain_graph=True)")
step("print(x.grad)")
step("y.backward()")
step("print(x.grad)")
step("x.grad = None")
step("(x * 3).sum().backward()")
step("print(x.grad)")
check_default_mode()

section("matmul and mean")
step("W = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)")
step("X = torch.tensor([[0.5, -1.], [2., 0.25]], dtype=torch.float64)")
step("Y = X @ W")
step("print(Y)")
step("loss = Y.mean()")
step("print(loss)")
step("loss.backward()")
step("print(W.grad)")
check_default_mode()
