namespace Nabla.Examples;

/// <summary>
/// SEMANTICS.md "Grad mode" table, observed on PyTorch 1.13 with x = tensor([1.], requires_grad=True).
/// Tests that make plain SetGradEnabled calls open <c>using var restore = Autograd.SetGradEnabled(true)</c> first,
/// so the mode they leave behind is put back when the test ends.
/// </summary>
public class GradModeTests
{
    static Tensor X() => Tensor.From([1.0], requiresGrad: true);

    [Fact]
    public void Grad_is_enabled_by_default()
    {
        // torch.is_grad_enabled() -> True ; torch.is_inference_mode_enabled() -> False
        Assert.True(Autograd.IsGradEnabled);
        Assert.False(Autograd.IsInferenceModeEnabled);
    }

    [Fact]
    public void No_grad_scope()
    {
        var x = X();
        Tensor y;
        bool inside;

        // with torch.no_grad(): y = x*2
        using (Autograd.NoGrad())
        {
            inside = Autograd.IsGradEnabled;
            y = x * 2;
        }

        // y.requires_grad -> False, y.grad_fn -> None, y.is_leaf -> True, print(y) -> tensor([2.])
        Assert.False(y.RequiresGrad);
        Assert.Null(y.GradFn);
        Assert.True(y.IsLeaf);
        Assert.Equal("tensor([2.])", y.ToString());
        // is_grad_enabled(): False inside, True after
        Assert.False(inside);
        Assert.True(Autograd.IsGradEnabled);

        // y.backward() -> RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", e.Message);
    }

    [Fact]
    public void No_grad_scope_restores_mode_on_exception()
    {
        // try:
        //   with torch.no_grad(): raise ValueError("x")
        // except ValueError: torch.is_grad_enabled() -> True
        void RaiseInsideNoGrad()
        {
            using (Autograd.NoGrad()) throw new FormatException("x");
        }
        Assert.Throws<FormatException>(RaiseInsideNoGrad);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void No_grad_wrapper_result_does_not_require_grad_and_mode_is_restored()
    {
        var x = X();
        bool inside = true;

        // @torch.no_grad()
        // def f(t): return t*2
        var f = Autograd.NoGrad<Tensor, Tensor>(t => { inside = Autograd.IsGradEnabled; return t * 2; });
        var y = f(x);

        // f(x).requires_grad -> False ; print(f(x)) -> tensor([2.]) ; is_grad_enabled() -> False inside, True after
        Assert.False(y.RequiresGrad);
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.False(inside);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void No_grad_wrapper_restores_mode_when_f_throws()
    {
        // @torch.no_grad()
        // def boom(): raise ValueError("boom")
        // boom() -> ValueError: boom ; torch.is_grad_enabled() -> True
        var boom = Autograd.NoGrad<Tensor>(() => throw new FormatException("boom"));
        var e = Assert.Throws<FormatException>(() => boom());
        Assert.Equal("boom", e.Message);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void No_grad_action_and_two_argument_wrappers()
    {
        var x = X();
        bool inside = true;
        Autograd.NoGrad(() => { inside = Autograd.IsGradEnabled; })();
        Assert.False(inside);
        Assert.True(Autograd.IsGradEnabled);

        // @torch.no_grad() def add(a, b): return a + b ; add(x, x) -> tensor([2.])
        var add = Autograd.NoGrad<Tensor, Tensor, Tensor>((a, b) => a + b);
        var s = add(x, x);
        Assert.False(s.RequiresGrad);
        Assert.Equal("tensor([2.])", s.ToString());
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Factories_with_requires_grad_under_no_grad_are_leaves_that_require_grad()
    {
        Tensor zeros, from, scalar, full, ones;

        // with torch.no_grad():
        //     y = torch.zeros(2, requires_grad=True); t = torch.tensor([1.,2.], requires_grad=True)
        using (Autograd.NoGrad())
        {
            zeros = Tensor.Zeros([2], requiresGrad: true);
            ones = Tensor.Ones([2], requiresGrad: true);
            full = Tensor.Full([2], 3.0, requiresGrad: true);
            from = Tensor.From([1.0, 2.0], requiresGrad: true);
            scalar = Tensor.Scalar(2.0, requiresGrad: true);
        }

        // print(y) -> tensor([0., 0.], requires_grad=True) ; y.is_leaf -> True
        Assert.Equal("tensor([0., 0.], requires_grad=True)", zeros.ToString());
        Assert.Equal("tensor([1., 1.], requires_grad=True)", ones.ToString());
        Assert.Equal("tensor([3., 3.], requires_grad=True)", full.ToString());
        // print(t) -> tensor([1., 2.], requires_grad=True)
        Assert.Equal("tensor([1., 2.], requires_grad=True)", from.ToString());
        Assert.Equal("tensor(2., requires_grad=True)", scalar.ToString());
        foreach (var t in new[] { zeros, ones, full, from, scalar })
        {
            Assert.True(t.RequiresGrad);
            Assert.True(t.IsLeaf);
            Assert.Null(t.GradFn);
        }
    }

    [Fact]
    public void Enable_grad_inside_no_grad()
    {
        var x = X();
        Tensor y;
        bool afterInner;

        // with torch.no_grad():
        //     with torch.enable_grad(): y = x*2
        //     torch.is_grad_enabled() -> False
        using (Autograd.NoGrad())
        {
            using (Autograd.EnableGrad())
            {
                Assert.True(Autograd.IsGradEnabled);
                y = x * 2;
            }
            afterInner = Autograd.IsGradEnabled;
        }

        // y.requires_grad -> True ; print(y) -> tensor([2.], grad_fn=<MulBackward0>)
        Assert.True(y.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());
        Assert.False(afterInner);
        Assert.True(Autograd.IsGradEnabled);

        // y.backward(); print(x.grad) -> tensor([2.])
        y.Backward();
        Assert.Equal("tensor([2.])", x.Grad?.ToString());
    }

    [Fact]
    public void Enable_grad_wrapper_called_under_no_grad()
    {
        var x = X();
        var doubler = Autograd.EnableGrad<Tensor, Tensor>(t => t * 2);
        Tensor z;
        bool after;

        // with torch.no_grad(): z = doubler(x); torch.is_grad_enabled() -> False
        using (Autograd.NoGrad())
        {
            z = doubler(x);
            after = Autograd.IsGradEnabled;
        }

        // z.requires_grad -> True
        Assert.True(z.RequiresGrad);
        Assert.Equal("MulBackward0", z.GradFn?.Name);
        Assert.False(after);
    }

    [Fact]
    public void Enable_grad_wrapper_restores_mode_when_f_throws()
    {
        bool after;
        // with torch.no_grad():
        //   @torch.enable_grad()
        //   def boom(): raise ValueError("boom")
        //   boom() -> ValueError: boom ; torch.is_grad_enabled() -> False
        using (Autograd.NoGrad())
        {
            var boom = Autograd.EnableGrad<Tensor>(() => throw new FormatException("boom"));
            Assert.Throws<FormatException>(() => boom());
            after = Autograd.IsGradEnabled;
        }
        Assert.False(after);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Set_grad_enabled_wrapper_restores_mode_when_f_throws()
    {
        // f = torch.set_grad_enabled(False)(boom); f() raises ; torch.is_grad_enabled() -> True
        var boom = Autograd.SetGradEnabled<Tensor>(false, () => throw new FormatException("boom"));
        Assert.Throws<FormatException>(() => boom());
        Assert.True(Autograd.IsGradEnabled);

        bool after;
        using (Autograd.NoGrad())
        {
            var boomTrue = Autograd.SetGradEnabled<Tensor>(true, () => throw new FormatException("boom"));
            Assert.Throws<FormatException>(() => boomTrue());
            after = Autograd.IsGradEnabled;
        }
        Assert.False(after);
    }

    [Fact]
    public void Set_grad_enabled_as_scopes()
    {
        bool insideFalse, insideTrue;

        // with torch.set_grad_enabled(False): torch.is_grad_enabled() -> False
        using (Autograd.SetGradEnabled(false)) insideFalse = Autograd.IsGradEnabled;
        Assert.True(Autograd.IsGradEnabled);

        // with torch.set_grad_enabled(True): torch.is_grad_enabled() -> True
        using (Autograd.SetGradEnabled(true)) insideTrue = Autograd.IsGradEnabled;

        Assert.False(insideFalse);
        Assert.True(insideTrue);
        // torch.is_grad_enabled() -> True after both
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Plain_set_grad_enabled_takes_effect_at_once_each_time()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = X();

        // torch.set_grad_enabled(False); torch.is_grad_enabled() -> False; (x*2).requires_grad -> False
        Autograd.SetGradEnabled(false);
        Assert.False(Autograd.IsGradEnabled);
        Assert.False((x * 2).RequiresGrad);

        // torch.set_grad_enabled(True); torch.is_grad_enabled() -> True; (x*2).requires_grad -> True
        Autograd.SetGradEnabled(true);
        Assert.True(Autograd.IsGradEnabled);
        Assert.True((x * 2).RequiresGrad);

        Autograd.SetGradEnabled(false);
        Assert.False(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Plain_true_inside_set_grad_enabled_false_scope_wins()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = X();
        Tensor y;

        // with torch.set_grad_enabled(False):
        //     torch.set_grad_enabled(True); y = x*2
        using (Autograd.SetGradEnabled(false))
        {
            Autograd.SetGradEnabled(true);
            y = x * 2;
        }

        // y.requires_grad -> True ; print(y) -> tensor([2.], grad_fn=<MulBackward0>) ; torch.is_grad_enabled() -> True
        Assert.True(y.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Plain_false_inside_enable_grad_lasts_until_enable_grad_exits()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = X();
        Tensor y;
        bool inside;

        // with torch.enable_grad():
        //     torch.set_grad_enabled(False); y = x*2
        //     y.requires_grad -> False ; torch.is_grad_enabled() -> False
        using (Autograd.EnableGrad())
        {
            Autograd.SetGradEnabled(false);
            y = x * 2;
            inside = Autograd.IsGradEnabled;
        }

        Assert.False(y.RequiresGrad);
        Assert.False(inside);
        // torch.is_grad_enabled() -> True (enable_grad restores what it saw)
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Plain_true_then_no_grad_scope()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = X();
        Tensor z;

        // torch.set_grad_enabled(True)
        // with torch.no_grad(): z = x*2
        Autograd.SetGradEnabled(true);
        using (Autograd.NoGrad()) z = x * 2;

        // z.requires_grad -> False ; torch.is_grad_enabled() -> True
        Assert.False(z.RequiresGrad);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void After_plain_false_enable_grad_scope_is_local_and_empty_scopes_leave_mode_false()
    {
        using var restore = Autograd.SetGradEnabled(true);
        var x = X();
        Tensor z;

        // torch.set_grad_enabled(False)
        // with torch.enable_grad(): z = x*2
        // w = x*2
        Autograd.SetGradEnabled(false);
        using (Autograd.EnableGrad()) z = x * 2;
        var w = x * 2;

        // z.requires_grad -> True, w.requires_grad -> False, torch.is_grad_enabled() -> False
        Assert.True(z.RequiresGrad);
        Assert.False(w.RequiresGrad);
        Assert.False(Autograd.IsGradEnabled);

        // with torch.no_grad(): pass
        // with torch.enable_grad(): pass
        // torch.is_grad_enabled() -> False
        using (Autograd.NoGrad()) { }
        using (Autograd.EnableGrad()) { }
        Assert.False(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Nested_scopes_entering_then_leaving_read_F_T_F_F_F_T_F_T()
    {
        var modes = new List<bool>();

        // with no_grad(): m.append(...)
        //   with enable_grad(): m.append(...)
        //     with set_grad_enabled(False): m.append(...)
        //       with no_grad(): m.append(...)
        //       m.append(...)
        //     m.append(...)
        //   m.append(...)
        // m.append(...)
        // print(m) -> [False, True, False, False, False, True, False, True]
        using (Autograd.NoGrad())
        {
            modes.Add(Autograd.IsGradEnabled);
            using (Autograd.EnableGrad())
            {
                modes.Add(Autograd.IsGradEnabled);
                using (Autograd.SetGradEnabled(false))
                {
                    modes.Add(Autograd.IsGradEnabled);
                    using (Autograd.NoGrad())
                    {
                        modes.Add(Autograd.IsGradEnabled);
                    }
                    modes.Add(Autograd.IsGradEnabled);
                }
                modes.Add(Autograd.IsGradEnabled);
            }
            modes.Add(Autograd.IsGradEnabled);
        }
        modes.Add(Autograd.IsGradEnabled);

        Assert.Equal([false, true, false, false, false, true, false, true], modes);
    }

    [Fact]
    public void Set_grad_enabled_false_wrapper_inside_enable_grad()
    {
        var x = X();
        Tensor r;
        bool afterCall;

        // with torch.enable_grad():
        //     f = torch.set_grad_enabled(False)(lambda t: t*2)
        //     r = f(x); r.requires_grad -> False ; torch.is_grad_enabled() -> True
        using (Autograd.EnableGrad())
        {
            var f = Autograd.SetGradEnabled<Tensor, Tensor>(false, t => t * 2);
            r = f(x);
            afterCall = Autograd.IsGradEnabled;
        }

        Assert.False(r.RequiresGrad);
        Assert.Equal("tensor([2.])", r.ToString());
        Assert.True(afterCall);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Inference_mode()
    {
        var x = X();
        Tensor y;
        bool gradInside, inferenceInside;

        // with torch.inference_mode():
        //     torch.is_grad_enabled() -> False ; torch.is_inference_mode_enabled() -> True
        //     y = x*2
        using (Autograd.InferenceMode())
        {
            gradInside = Autograd.IsGradEnabled;
            inferenceInside = Autograd.IsInferenceModeEnabled;
            y = x * 2;
        }

        Assert.False(gradInside);
        Assert.True(inferenceInside);
        // print(y) -> tensor([2.]) ; y.requires_grad -> False ; y.is_leaf -> True ; y.grad_fn -> None
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
        Assert.Null(y.GradFn);
        // torch.is_grad_enabled() -> True ; torch.is_inference_mode_enabled() -> False
        Assert.True(Autograd.IsGradEnabled);
        Assert.False(Autograd.IsInferenceModeEnabled);
    }
}
