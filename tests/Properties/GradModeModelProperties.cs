using FsCheck;
using FsCheck.Fluent;
using Nabla;

namespace Nabla.Properties;

/// <summary>
/// Model-based check of grad mode: random programs of scopes, plain calls, wrappers and exceptions run against a
/// tiny reference model in which every scope saves the mode on entry and restores it on exit.
/// </summary>
public class GradModeModelProperties
{
    enum Kind { NoGrad, EnableGrad, SetTrue, SetFalse, InferenceOn, InferenceOff }

    abstract record Step;
    sealed record Enter(Kind Kind) : Step;          // using (scope) { ... — stays open until an Exit
    sealed record Exit : Step;                      // ... } of the innermost open scope
    sealed record PlainCall(bool Enabled) : Step;   // Autograd.SetGradEnabled(b); without using
    sealed record Wrapper(Kind Kind, bool Throws) : Step;  // a decorated function computing x * 2
    sealed record Compute : Step;                   // y = x * 2 in the current mode

    readonly record struct Mode(bool Grad, bool Inference);

    static Mode Apply(Kind kind, Mode m) => kind switch
    {
        Kind.NoGrad => m with { Grad = false },
        Kind.EnableGrad => m with { Grad = true },
        Kind.SetTrue => m with { Grad = true },
        Kind.SetFalse => m with { Grad = false },
        Kind.InferenceOn => new Mode(false, true),
        _ => new Mode(true, false),
    };

    static IDisposable Open(Kind kind) => kind switch
    {
        Kind.NoGrad => Autograd.NoGrad(),
        Kind.EnableGrad => Autograd.EnableGrad(),
        Kind.SetTrue => Autograd.SetGradEnabled(true),
        Kind.SetFalse => Autograd.SetGradEnabled(false),
        Kind.InferenceOn => Autograd.InferenceMode(),
        _ => Autograd.InferenceMode(false),
    };

    static Func<Tensor, Tensor> Wrap(Kind kind, Func<Tensor, Tensor> f) => kind switch
    {
        Kind.NoGrad => Autograd.NoGrad(f),
        Kind.EnableGrad => Autograd.EnableGrad(f),
        Kind.SetTrue => Autograd.SetGradEnabled(true, f),
        Kind.SetFalse => Autograd.SetGradEnabled(false, f),
        // InferenceMode has no wrapper in the API; model it as a scope around the call.
        _ => x => { using (Open(kind)) return f(x); },
    };

    static readonly Gen<Kind> Kinds = Gen.Elements(Enum.GetValues<Kind>());

    static readonly Gen<Step> Steps = Gen.Frequency(
        (4, Kinds.Select(k => (Step)new Enter(k))),
        (4, Gen.Constant((Step)new Exit())),
        (2, Gen.Elements(true, false).Select(b => (Step)new PlainCall(b))),
        (2, Gen.Zip(Kinds, Gen.Elements(true, false)).Select(p => (Step)new Wrapper(p.Item1, p.Item2))),
        (3, Gen.Constant((Step)new Compute())));

    sealed class Boom : Exception;

    // Runs one program on a fresh flow and compares every observation with the model; returns the first mismatch.
    static string? RunProgram(IReadOnlyList<Step> program)
    {
        var x = Tensor.From([1.0], requiresGrad: true);
        var model = new Mode(true, false);
        var saved = new Stack<Mode>();
        var open = new Stack<IDisposable>();
        string? Check(int i, string what, bool actual, bool expected) =>
            actual == expected ? null : $"step {i} ({program[i]}): {what} was {actual}, model says {expected}";

        for (var i = 0; i < program.Count; i++)
        {
            string? failure = null;
            switch (program[i])
            {
                case Enter e:
                    saved.Push(model);
                    model = Apply(e.Kind, model);
                    open.Push(Open(e.Kind));
                    break;
                case Exit when open.Count > 0:
                    open.Pop().Dispose();
                    model = saved.Pop();
                    break;
                case PlainCall p:
                    model = Apply(p.Enabled ? Kind.SetTrue : Kind.SetFalse, model);
                    _ = Autograd.SetGradEnabled(p.Enabled);
                    break;
                case Wrapper w:
                    var inside = Apply(w.Kind, model);
                    var f = Wrap(w.Kind, t =>
                    {
                        var y = t * 2;
                        if (w.Throws) throw new Boom();
                        return y;
                    });
                    if (w.Throws)
                    {
                        try { f(x); failure = $"step {i}: the wrapped function's exception was swallowed"; }
                        catch (Boom) { }
                    }
                    else failure = Check(i, "wrapped result RequiresGrad", f(x).RequiresGrad, inside.Grad);
                    break;
                case Compute:
                    var r = x * 2;
                    failure = Check(i, "RequiresGrad", r.RequiresGrad, model.Grad)
                        ?? Check(i, "IsLeaf", r.IsLeaf, !model.Grad)
                        ?? Check(i, "GradFn present", r.GradFn is not null, model.Grad);
                    break;
            }
            failure ??= Check(i, "IsGradEnabled", Autograd.IsGradEnabled, model.Grad)
                ?? Check(i, "IsInferenceModeEnabled", Autograd.IsInferenceModeEnabled, model.Inference);
            if (failure is not null) return failure;
        }
        while (open.Count > 0)
        {
            open.Pop().Dispose();
            model = saved.Pop();
            var failure = Check(program.Count, "IsGradEnabled after closing", Autograd.IsGradEnabled, model.Grad);
            if (failure is not null) return failure;
        }
        return null;
    }

    [Property(MaxTest = 500)]
    public Property Random_programs_of_scopes_calls_and_wrappers_follow_the_save_and_restore_model() =>
        Prop.ForAll(Gen.ListOf(Steps).Select(l => l.ToArray()).ToArbitrary(), program =>
            {
                // A fresh async flow per program: mode set by its plain calls cannot leak into the next one.
                var failure = OnFreshFlow(() => RunProgram(program));
                return failure is null ? true.Label("ok") : false.Label(failure);
            });

    // Task.Run copies the caller's flow; what the task changes does not come back.
    static string? OnFreshFlow(Func<string?> run) => Task.Run(run).GetAwaiter().GetResult();

    [Fact]
    public async Task The_model_itself_can_fail_a_wrong_implementation()
    {
        // A program whose model answer is known: NoGrad { SetGradEnabled(true) } then exit reads true, false... true.
        Step[] program = [new Enter(Kind.NoGrad), new PlainCall(true), new Compute(), new Exit(), new Compute()];
        Assert.Null(await Task.Run(() => RunProgram(program)));
        // And the checker reports a mismatch when reality and model disagree (mode left off by an unclosed plain call).
        var leaked = await Task.Run(() =>
        {
            _ = Autograd.SetGradEnabled(false);
            return RunProgram([new Compute()]);
        });
        Assert.NotNull(leaked);
        Assert.Contains("model says True", leaked);
    }
}
