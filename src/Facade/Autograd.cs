using LanguageExt;
using Nabla.Core;
using static LanguageExt.Prelude;

namespace Nabla;

/// <summary>
/// Grad-mode control and gradient functions, as <c>torch.autograd</c> and <c>torch.no_grad</c> / <c>enable_grad</c> /
/// <c>set_grad_enabled</c> / <c>inference_mode</c>. The mode belongs to the current async flow: scopes save it on
/// entry and restore it on exit (also on exceptions), so the closest scope wins.
/// </summary>
public static partial class Autograd
{
    /// <summary>True when ops record a graph in the current flow.</summary>
    public static bool IsGradEnabled => GradMode.Current.GradEnabled;

    /// <summary>True inside <see cref="InferenceMode"/>.</summary>
    public static bool IsInferenceModeEnabled => GradMode.Current.InferenceMode;

    /// <summary>Disables gradient recording until disposed (<c>with torch.no_grad():</c>).</summary>
    public static IDisposable NoGrad() => GradMode.Push(GradEnv.NoGrad);

    /// <summary>Enables gradient recording until disposed, also inside <see cref="NoGrad()"/> (<c>with torch.enable_grad():</c>).</summary>
    public static IDisposable EnableGrad() => GradMode.Push(GradEnv.EnableGrad);

    /// <summary>
    /// Sets grad mode at the call (<c>torch.set_grad_enabled(enabled)</c>). Used with <c>using</c> it is a scope;
    /// called plainly it stays in force until the enclosing scope ends. Disposing restores the mode seen at the call.
    /// </summary>
    public static IDisposable SetGradEnabled(bool enabled) => GradMode.Push(GradEnv.SetGradEnabled(enabled));

    /// <summary>Inference mode until disposed: grad off and results are plain tensors (<c>torch.inference_mode(enabled)</c>).</summary>
    public static IDisposable InferenceMode(bool enabled = true) => GradMode.Push(GradEnv.Inference(enabled));

    /// <summary>
    /// Anomaly detection (torch.autograd.detect_anomaly) until disposed: ops remember where they were recorded, and a
    /// backward rule producing NaN throws "Function 'SqrtBackward0' returned nan values in its 0th output." followed by
    /// that place. Slows recording and backward; for debugging.
    /// </summary>
    public static IDisposable DetectAnomaly(bool enabled = true) => GradMode.Push(GradEnv.Anomaly(enabled));

    /// <summary>True inside <see cref="DetectAnomaly"/>.</summary>
    public static bool IsAnomalyEnabled => GradMode.Current.DetectAnomaly;

    /// <summary><paramref name="f"/> wrapped to run with grad disabled (<c>@torch.no_grad()</c>).</summary>
    public static Func<TResult> NoGrad<TResult>(Func<TResult> f) => () => GradMode.Within(GradEnv.NoGrad, f);
    /// <summary><paramref name="f"/> wrapped to run with grad disabled.</summary>
    public static Func<T, TResult> NoGrad<T, TResult>(Func<T, TResult> f) => x => GradMode.Within(GradEnv.NoGrad, () => f(x));
    /// <summary><paramref name="f"/> wrapped to run with grad disabled.</summary>
    public static Func<T1, T2, TResult> NoGrad<T1, T2, TResult>(Func<T1, T2, TResult> f) => (a, b) => GradMode.Within(GradEnv.NoGrad, () => f(a, b));
    /// <summary><paramref name="f"/> wrapped to run with grad disabled.</summary>
    public static Action NoGrad(Action f) => () => GradMode.Within(GradEnv.NoGrad, () => { f(); return unit; });

    /// <summary><paramref name="f"/> wrapped to run with grad enabled (<c>@torch.enable_grad()</c>).</summary>
    public static Func<TResult> EnableGrad<TResult>(Func<TResult> f) => () => GradMode.Within(GradEnv.EnableGrad, f);
    /// <summary><paramref name="f"/> wrapped to run with grad enabled.</summary>
    public static Func<T, TResult> EnableGrad<T, TResult>(Func<T, TResult> f) => x => GradMode.Within(GradEnv.EnableGrad, () => f(x));
    /// <summary><paramref name="f"/> wrapped to run with grad enabled.</summary>
    public static Func<T1, T2, TResult> EnableGrad<T1, T2, TResult>(Func<T1, T2, TResult> f) => (a, b) => GradMode.Within(GradEnv.EnableGrad, () => f(a, b));
    /// <summary><paramref name="f"/> wrapped to run with grad enabled.</summary>
    public static Action EnableGrad(Action f) => () => GradMode.Within(GradEnv.EnableGrad, () => { f(); return unit; });

    /// <summary><paramref name="f"/> wrapped to run with grad set to <paramref name="enabled"/> (<c>@torch.set_grad_enabled(b)</c>).</summary>
    public static Func<TResult> SetGradEnabled<TResult>(bool enabled, Func<TResult> f) => () => GradMode.Within(GradEnv.SetGradEnabled(enabled), f);
    /// <summary><paramref name="f"/> wrapped to run with grad set to <paramref name="enabled"/>.</summary>
    public static Func<T, TResult> SetGradEnabled<T, TResult>(bool enabled, Func<T, TResult> f) => x => GradMode.Within(GradEnv.SetGradEnabled(enabled), () => f(x));
    /// <summary><paramref name="f"/> wrapped to run with grad set to <paramref name="enabled"/>.</summary>
    public static Func<T1, T2, TResult> SetGradEnabled<T1, T2, TResult>(bool enabled, Func<T1, T2, TResult> f) => (a, b) => GradMode.Within(GradEnv.SetGradEnabled(enabled), () => f(a, b));
    /// <summary><paramref name="f"/> wrapped to run with grad set to <paramref name="enabled"/>.</summary>
    public static Action SetGradEnabled(bool enabled, Action f) => () => GradMode.Within(GradEnv.SetGradEnabled(enabled), () => { f(); return unit; });

    /// <summary>
    /// Σᵢ gradOutputsᵢᵀ · ∂outputsᵢ/∂inputsⱼ for each input j (<c>torch.autograd.grad</c>); leaves' <see cref="Tensor.Grad"/>
    /// are not touched. With <paramref name="createGraph"/> the results are differentiable. An input the outputs do
    /// not depend on is an error unless <paramref name="allowUnused"/>, which gives null for it.
    /// </summary>
    public static Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
                                 IReadOnlyList<Tensor?>? gradOutputs = null, bool retainGraph = false,
                                 bool createGraph = false, bool allowUnused = false)
    {
        if (inputs.Count == 0) throw new ArgumentException("grad requires non-empty inputs.", nameof(inputs));
        if (gradOutputs is not null && gradOutputs.Count != outputs.Count)
            throw new ArgumentException($"grad requires one gradOutput per output: got {gradOutputs.Count} for {outputs.Count} outputs");
        var targets = Tensor.NodesOf(inputs);
        var roots = outputs.Select((o, i) => (o.Expr, Tensor.Seed(o, gradOutputs?[i], i))).ToSeq();
        var options = new BackwardOptions(retainGraph || createGraph, createGraph, Some(targets.ToSeq()),
                                          Tensor.GradientHook(createGraph));
        var grads = GradMode.Run(Backprop.Gradients(roots, options));
        return targets.Select(node => grads.Find(node).IsSome
            ? new Tensor(createGraph ? grads[node] : Expr.Constant(grads[node].Value))
            : allowUnused ? null
            : throw new InvalidOperationException(
                "One of the differentiated Tensors appears to not have been used in the graph. " +
                "Set allowUnused: true if this is the desired behavior.")).ToArray();
    }
}
