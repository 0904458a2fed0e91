using System.Diagnostics.Contracts;
using static LanguageExt.Prelude;

namespace Nabla.Core;

/// <summary>
/// The grad-mode environment every op reads: whether ops record a graph, whether inference mode is on, and whether
/// anomaly detection is on. It is only ever changed by the transforms below, applied with <c>local</c>, so the
/// innermost (closest) scope wins by construction. Nested functional transforms need no level here: each call gives
/// its inputs fresh graph nodes, and gradients are keyed by node, so perturbations of different calls never mix.
/// </summary>
public sealed record GradEnv(bool GradEnabled, bool InferenceMode, bool DetectAnomaly = false)
{
    /// <summary>The environment a program starts in: grad on, inference mode off, anomaly detection off.</summary>
    public static readonly GradEnv Default = new(GradEnabled: true, InferenceMode: false);

    /// <summary>The current environment.</summary>
    public static Reader<GradEnv, GradEnv> Ask => ask<GradEnv>();

    // The environment transforms: the only ways grad mode changes.

    /// <summary>torch.no_grad: ops stop recording.</summary>
    [Pure] public static GradEnv NoGrad(GradEnv env) => env with { GradEnabled = false };

    /// <summary>torch.enable_grad: ops record again, also inside a NoGrad.</summary>
    [Pure] public static GradEnv EnableGrad(GradEnv env) => env with { GradEnabled = true };

    /// <summary>torch.set_grad_enabled(enabled).</summary>
    [Pure] public static Func<GradEnv, GradEnv> SetGradEnabled(bool enabled) => env => env with { GradEnabled = enabled };

    /// <summary>torch.inference_mode(enabled): enabling turns grad off, disabling turns grad back on (PyTorch's guard).</summary>
    [Pure] public static Func<GradEnv, GradEnv> Inference(bool enabled) =>
        env => env with { GradEnabled = !enabled, InferenceMode = enabled };

    /// <summary>
    /// Entering a functional transform (grad, vjp, jvp, ...): recording on whatever the caller's mode, as torch.func's
    /// transforms do. Each call's inputs get fresh nodes, so nested transforms never mix perturbations.
    /// </summary>
    [Pure] public static GradEnv Nest(GradEnv env) => env with { GradEnabled = true, InferenceMode = false };

    /// <summary>
    /// torch.autograd.detect_anomaly(enabled): recorded ops remember where they were created, and a backward rule that
    /// produces NaN stops the backward with an error naming the op and that place.
    /// </summary>
    [Pure] public static Func<GradEnv, GradEnv> Anomaly(bool enabled) => env => env with { DetectAnomaly = enabled };

    // The same transforms lifted to computations with local.

    /// <summary>Runs <paramref name="m"/> with grad disabled.</summary>
    [Pure] public static Reader<GradEnv, A> WithNoGrad<A>(Reader<GradEnv, A> m) => local(m, NoGrad);

    /// <summary>Runs <paramref name="m"/> with grad enabled.</summary>
    [Pure] public static Reader<GradEnv, A> WithEnableGrad<A>(Reader<GradEnv, A> m) => local(m, EnableGrad);

    /// <summary>Runs <paramref name="m"/> with grad set to <paramref name="enabled"/>.</summary>
    [Pure] public static Reader<GradEnv, A> WithGradEnabled<A>(bool enabled, Reader<GradEnv, A> m) => local(m, SetGradEnabled(enabled));

    /// <summary>Runs <paramref name="m"/> in (or out of) inference mode.</summary>
    [Pure] public static Reader<GradEnv, A> WithInferenceMode<A>(bool enabled, Reader<GradEnv, A> m) => local(m, Inference(enabled));
}
