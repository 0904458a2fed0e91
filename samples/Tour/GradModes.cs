using static Nabla.Samples.Tour.Repl;

namespace Nabla.Samples.Tour;

/// <summary>no_grad, enable_grad, set_grad_enabled and inference_mode: scopes with <c>using</c>, decorators as wrappers.</summary>
internal static class GradModes
{
    /// <summary>Seeds 001 and 003: with torch.no_grad(), results do not require grad.</summary>
    public static void NoGradScope()
    {
        Section("no_grad as a scope");
        Py("x = torch.tensor([1.], requires_grad=True)");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           with torch.no_grad():
               y = x * 2
           """);
        Tensor y;
        using (Autograd.NoGrad()) y = x * 2;
        Py("print(y.requires_grad)");
        Print(y.RequiresGrad);
        Py("print(y, y.grad_fn, y.is_leaf)");
        Print(y, y.GradFn, y.IsLeaf);
        Py("print(torch.is_grad_enabled())");
        Print(Autograd.IsGradEnabled);
    }

    /// <summary>Seeds 001 and 003: @torch.no_grad() as a wrapper around the function.</summary>
    public static void NoGradDecorator()
    {
        Section("no_grad as a decorator");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           @torch.no_grad()
           def doubler(x):
               return x * 2
           """);
        var doubler = Autograd.NoGrad((Tensor t) => t * 2);
        Py("z = doubler(x)");
        var z = doubler(x);
        Py("print(z.requires_grad)");
        Print(z.RequiresGrad);
    }

    /// <summary>Seed 003: the same doubler without the decorator records a graph.</summary>
    public static void Undecorated()
    {
        Section("the same function without the decorator");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           def doubler(x):
               return x * 2
           """);
        static Tensor Doubler(Tensor t) => t * 2;
        Py("z = doubler(x)");
        var z = Doubler(x);
        Py("print(z.requires_grad)");
        Print(z.RequiresGrad);
        Py("print(z)");
        Print(z);
    }

    /// <summary>Seed 001: enable_grad inside no_grad records again; y.backward() reaches x.</summary>
    public static void EnableGradScope()
    {
        Section("enable_grad inside no_grad, as a scope");
        Py("x = torch.tensor([1.], requires_grad=True)");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           with torch.no_grad():
               with torch.enable_grad():
                   y = x * 2
           """);
        Tensor y;
        using (Autograd.NoGrad())
        using (Autograd.EnableGrad())
            y = x * 2;
        Py("print(y.requires_grad)");
        Print(y.RequiresGrad);
        Py("print(y)");
        Print(y);
        Py("y.backward()");
        y.Backward();
        Py("print(x.grad)");
        Print(x.Grad);
    }

    /// <summary>Seed 001: @torch.enable_grad() called inside no_grad; the caller's mode is back after.</summary>
    public static void EnableGradDecorator()
    {
        Section("enable_grad as a decorator, called inside no_grad");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           @torch.enable_grad()
           def doubler(x):
               return x * 2
           """);
        var doubler = Autograd.EnableGrad((Tensor t) => t * 2);
        Py("""
           with torch.no_grad():
               z = doubler(x)
               print(torch.is_grad_enabled())
           """);
        Tensor z;
        using (Autograd.NoGrad())
        {
            z = doubler(x);
            Print(Autograd.IsGradEnabled);
        }
        Py("print(z.requires_grad)");
        Print(z.RequiresGrad);
    }

    /// <summary>Seed 001: set_grad_enabled(is_train) as a scope.</summary>
    public static void SetGradEnabledScope()
    {
        Section("set_grad_enabled as a scope");
        Py("x = torch.tensor([1.], requires_grad=True)");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("is_train = False");
        var isTrain = false;
        Py("""
           with torch.set_grad_enabled(is_train):
               y = x * 2
           """);
        Tensor y;
        using (Autograd.SetGradEnabled(isTrain)) y = x * 2;
        Py("print(y.requires_grad)");
        Print(y.RequiresGrad);
        Py("print(torch.is_grad_enabled())");
        Print(Autograd.IsGradEnabled);
    }

    /// <summary>Seed 001: set_grad_enabled as a plain call, then grad switched back on.</summary>
    public static void SetGradEnabledPlain()
    {
        Section("set_grad_enabled as a plain call: it takes effect at once");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("torch.set_grad_enabled(True)");
        Autograd.SetGradEnabled(true);
        Py("y = x * 2");
        var y = x * 2;
        Py("print(y.requires_grad)");
        Print(y.RequiresGrad);
        Py("torch.set_grad_enabled(False)");
        Autograd.SetGradEnabled(false);
        Py("y = x * 2");
        y = x * 2;
        Py("print(y.requires_grad)");
        Print(y.RequiresGrad);
        // A plain call lasts for the rest of the flow: switch grad back on so later sections start from the default.
        Py("torch.set_grad_enabled(True)");
        Autograd.SetGradEnabled(true);
        Py("print(torch.is_grad_enabled())");
        Print(Autograd.IsGradEnabled);
    }

    /// <summary>Seed 001: a plain set_grad_enabled(False) inside enable_grad lasts until the scope ends.</summary>
    public static void ClosestScopeWinsEnableGrad()
    {
        Section("the closest scope wins: a plain set_grad_enabled(False) inside enable_grad");
        Py("x = torch.tensor([1.], requires_grad=True)");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           with torch.enable_grad():
               torch.set_grad_enabled(False)
               y = x * 2
               print(y.requires_grad)
           """);
        using (Autograd.EnableGrad())
        {
            Autograd.SetGradEnabled(false);
            var y = x * 2;
            Print(y.RequiresGrad);
        }
        // enable_grad restores the mode it saw on entry, so the plain call ends with the scope.
        Py("print(torch.is_grad_enabled())");
        Print(Autograd.IsGradEnabled);
    }

    /// <summary>Seed 001: no_grad after a plain set_grad_enabled(True).</summary>
    public static void ClosestScopeWinsNoGrad()
    {
        Section("the closest scope wins: no_grad after a plain set_grad_enabled(True)");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("torch.set_grad_enabled(True)");
        Autograd.SetGradEnabled(true);
        Py("""
           with torch.no_grad():
               z = x * 2
               print(z.requires_grad)
           """);
        using (Autograd.NoGrad())
        {
            var z = x * 2;
            Print(z.RequiresGrad);
        }
        Py("print(torch.is_grad_enabled())");
        Print(Autograd.IsGradEnabled);
    }

    /// <summary>Seed 002: B = A**2 + 16 under no_grad; A.grad stays None.</summary>
    public static void NoGradLeavesInputAlone()
    {
        Section("no_grad leaves the input alone: A.grad stays None");
        Py("A = torch.tensor([5.0], requires_grad=True)");
        var a = Tensor.From([5.0], requiresGrad: true);
        Py("""
           with torch.no_grad():
               B = A**2 + 16
           """);
        Tensor b;
        using (Autograd.NoGrad()) b = a.Pow(2) + 16;
        Py("print('Cálculo de gradiente con torch.no_grad: ', A.grad)");
        Print("Cálculo de gradiente con torch.no_grad: ", a.Grad);
        Py(@"print('\nTensor original: ', A)");
        Print("\nTensor original: ", a);
        Py(@"print('\nMuestra de cálculo aritmético: ', B)");
        Print("\nMuestra de cálculo aritmético: ", b);
    }

    /// <summary>torch.inference_mode: grad off and results plain tensors; both flags restored after.</summary>
    public static void InferenceMode()
    {
        Section("inference_mode");
        Py("x = torch.tensor([1.], requires_grad=True)");
        var x = Tensor.From([1.0], requiresGrad: true);
        Py("""
           with torch.inference_mode():
               y = x * 2
               print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
           """);
        Tensor y;
        using (Autograd.InferenceMode())
        {
            y = x * 2;
            Print(Autograd.IsInferenceModeEnabled, Autograd.IsGradEnabled);
        }
        Py("print(y, y.requires_grad, y.is_leaf)");
        Print(y, y.RequiresGrad, y.IsLeaf);
        Py("print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())");
        Print(Autograd.IsInferenceModeEnabled, Autograd.IsGradEnabled);
    }
}
