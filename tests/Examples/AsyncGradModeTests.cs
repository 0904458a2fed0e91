namespace Nabla.Examples;

/// <summary>
/// SEMANTICS.md grad-mode row "await inside a scope": the mode belongs to the async flow. It flows to await
/// continuations and to tasks started inside a scope; a thread started elsewhere keeps the default mode (as
/// PyTorch's thread-local grad mode: a thread that did not enter no_grad sees is_grad_enabled() -> True).
/// </summary>
public class AsyncGradModeTests
{
    static Tensor X() => Tensor.From([1.0], requiresGrad: true);

    [Fact]
    public async Task Mode_flows_across_await_inside_a_scope_and_is_restored_after()
    {
        var x = X();
        Tensor y;
        bool beforeAwait, afterYield, afterDelay;

        using (Autograd.NoGrad())
        {
            beforeAwait = Autograd.IsGradEnabled;
            await Task.Yield();
            afterYield = Autograd.IsGradEnabled;
            await Task.Delay(1);
            afterDelay = Autograd.IsGradEnabled;
            y = x * 2;
        }

        Assert.False(beforeAwait);
        Assert.False(afterYield);
        Assert.False(afterDelay);
        Assert.False(y.RequiresGrad);
        Assert.Equal("tensor([2.])", y.ToString());
        Assert.True(Autograd.IsGradEnabled);

        await Task.Yield();
        Assert.True(Autograd.IsGradEnabled);
        Assert.True((x * 2).RequiresGrad);
    }

    [Fact]
    public async Task Tasks_started_inside_a_scope_see_its_mode()
    {
        var x = X();
        (bool Mode, bool RequiresGrad) seen;

        using (Autograd.NoGrad())
        {
            seen = await Task.Run(() => (Autograd.IsGradEnabled, (x * 2).RequiresGrad));
        }

        Assert.False(seen.Mode);
        Assert.False(seen.RequiresGrad);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public async Task Enable_grad_inside_no_grad_flows_into_tasks()
    {
        var x = X();
        Tensor y;

        using (Autograd.NoGrad())
        using (Autograd.EnableGrad())
        {
            y = await Task.Run(async () =>
            {
                await Task.Yield();
                return x * 2;
            });
        }

        Assert.True(y.RequiresGrad);
        Assert.Equal("tensor([2.], grad_fn=<MulBackward0>)", y.ToString());
    }

    [Fact]
    public async Task Plain_call_flows_into_tasks_started_after_it()
    {
        using var restore = Autograd.SetGradEnabled(true);

        Autograd.SetGradEnabled(false);
        var seen = await Task.Run(() => Autograd.IsGradEnabled);
        await Task.Yield();

        Assert.False(seen);
        Assert.False(Autograd.IsGradEnabled);
    }

    [Fact]
    public async Task Changes_inside_a_task_do_not_leak_back_to_the_caller()
    {
        using (Autograd.NoGrad())
        {
            await Task.Run(() => Autograd.SetGradEnabled(true));
            Assert.False(Autograd.IsGradEnabled);
        }
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Thread_started_elsewhere_keeps_the_default_mode()
    {
        var x = X();
        using var go = new ManualResetEventSlim();
        bool threadMode = false, threadRequiresGrad = false;
        Exception? threadError = null;

        // A worker thread started before this flow disables grad.
        var worker = new Thread(() =>
        {
            try
            {
                go.Wait();
                threadMode = Autograd.IsGradEnabled;
                threadRequiresGrad = (x * 2).RequiresGrad;
            }
            catch (Exception e) { threadError = e; }
        });
        worker.Start();

        bool mine;
        using (Autograd.NoGrad())
        {
            mine = Autograd.IsGradEnabled;
            go.Set();
            Assert.True(worker.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.Null(threadError);
        Assert.False(mine);
        Assert.True(threadMode);
        Assert.True(threadRequiresGrad);
    }

    [Fact]
    public void Thread_started_elsewhere_does_not_see_a_plain_call()
    {
        using var restore = Autograd.SetGradEnabled(true);
        using var go = new ManualResetEventSlim();
        bool threadMode = false;

        var worker = new Thread(() =>
        {
            go.Wait();
            threadMode = Autograd.IsGradEnabled;
        });
        worker.Start();

        Autograd.SetGradEnabled(false);
        go.Set();
        Assert.True(worker.Join(TimeSpan.FromSeconds(30)));

        Assert.True(threadMode);
        Assert.False(Autograd.IsGradEnabled);
    }

    [Fact]
    public async Task Concurrent_flows_keep_their_own_modes()
    {
        var x = X();
        using var bothInside = new Barrier(2);

        async Task<(bool Mode, bool RequiresGrad)> Flow(bool enabled)
        {
            await Task.Yield();
            using (Autograd.SetGradEnabled(enabled))
            {
                bothInside.SignalAndWait(TimeSpan.FromSeconds(30));
                await Task.Delay(1);
                return (Autograd.IsGradEnabled, (x * 2).RequiresGrad);
            }
        }

        var off = Task.Run(() => Flow(false));
        var on = Task.Run(() => Flow(true));
        var results = await Task.WhenAll(off, on);

        Assert.Equal((false, false), results[0]);
        Assert.Equal((true, true), results[1]);
        Assert.True(Autograd.IsGradEnabled);
    }
}
