using System.Diagnostics;
using Nabla.SaveLoop;
using Xunit.Abstractions;

namespace Nabla.Examples;

/// <summary>
/// Module.Save under faults: SIGKILL at random moments, a file-size limit hit mid-write (a full disk's stand-in),
/// folders that are missing or not writable. The file at the target path is always one whole checkpoint, the old or
/// the new. The child process is tests/SaveLoop, run with `dotnet Nabla.SaveLoop.dll`.
/// </summary>
public sealed class PersistenceTests(ITestOutputHelper output) : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("nabla-persist-").FullName;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_000_000);
        Directory.Delete(folder, recursive: true);
    }

    static readonly string Child = Path.Combine(AppContext.BaseDirectory, "Nabla.SaveLoop.dll");

    // `dotnet test` tells its children which host runs them; outside it, the one on PATH.
    static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    static Process Start(string shellPrefix, params string[] args)
    {
        var info = new ProcessStartInfo(shellPrefix.Length == 0 ? Host : "/bin/sh")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (shellPrefix.Length > 0)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(shellPrefix + "; exec \"$0\" \"$@\"");
            info.ArgumentList.Add(Host);
        }
        info.ArgumentList.Add(Child);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    string[] Strays(string path) =>
        Directory.GetFiles(folder).Where(f => f != path).Select(Path.GetFileName).ToArray()!;

    static double? Loaded(string path, int rows = Checkpoint.Rows)
    {
        var model = new Checkpoint(-1, rows);
        model.Load(path);
        return model.Number();
    }

    [Fact]
    public void A_save_killed_at_a_random_moment_leaves_the_old_or_the_new_checkpoint()
    {
        const int Kills = 48;
        var path = Path.Combine(folder, "model.state");
        new Checkpoint(0).Save(path);
        var random = new Random(11);
        var clock = Stopwatch.StartNew();
        var (midSave, strays, unloadable, wrong, next) = (0, 0, 0, 0, 1);
        var failures = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            using var child = Start("", "loop", path, next.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var lines = new List<string>();
            using var saving = new ManualResetEventSlim();
            child.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (lines) lines.Add(e.Data);
                saving.Set();
            };
            child.BeginOutputReadLine();
            // From the first "begin" (the runtime is up and saving), a delay of up to about three saves (17 ms each here).
            Assert.True(saving.Wait(TimeSpan.FromSeconds(20)), "the child did not start saving");
            Thread.Sleep(random.Next(0, 50));
            child.Kill();
            child.WaitForExit();

            var last = lines[^1].Split(' ');
            var number = int.Parse(last[1], System.Globalization.CultureInfo.InvariantCulture);
            // Killed inside Save(k): the file holds k - 1 or, if the rename was done, k. Killed after it: k.
            var allowed = last[0] == "begin" ? new double[] { number - 1, number } : [number];
            if (last[0] == "begin") midSave++;
            var left = Strays(path);
            strays += left.Length;
            foreach (var f in left) File.Delete(Path.Combine(folder, f));
            try
            {
                var loaded = Loaded(path);
                if (loaded is not { } k || !allowed.Contains(k))
                {
                    wrong++;
                    failures.Add($"kill {kill} after \"{lines[^1]}\": the file holds {loaded?.ToString() ?? "mixed values"}");
                }
                next = (int)(loaded ?? number) + 1;
            }
            catch (Exception e)
            {
                unloadable++;
                failures.Add($"kill {kill} after \"{lines[^1]}\": {e.GetType().Name}: {e.Message}");
                new Checkpoint(number - 1).Save(path);   // the old code's loss; carry on from the last whole checkpoint
                next = number;
            }
        }
        output.WriteLine($"{Kills} kills in {clock.Elapsed.TotalSeconds:F1} s: {midSave} inside a Save, {strays} temporary " +
                         $"files left behind, {unloadable} unloadable files, {wrong} files holding another checkpoint");
        foreach (var f in failures.Take(5)) output.WriteLine(f);
        Assert.True(unloadable == 0 && wrong == 0,
            $"{unloadable} of {Kills} kills ({midSave} inside a Save) left an unloadable file, {wrong} another checkpoint: " +
            string.Join("; ", failures.Take(3)));
        // Most kills must land inside a Save, or this test would prove nothing.
        Assert.True(midSave >= Kills / 2, $"only {midSave} of {Kills} kills landed inside a Save");
    }

    [Fact]
    public async Task A_load_while_another_thread_saves_reads_one_whole_checkpoint()
    {
        const int Rows = 64;
        var path = Path.Combine(folder, "model.state");
        new Checkpoint(0, Rows).Save(path);
        using var stop = new CancellationTokenSource();
        var saved = 0;
        var saver = Task.Run(() =>
        {
            for (var k = 1; !stop.IsCancellationRequested; k++)
            {
                new Checkpoint(k, Rows).Save(path);
                Interlocked.Increment(ref saved);
            }
        });
        var seen = new HashSet<double>();
        var failures = new List<string>();
        var (loads, clock) = (0, Stopwatch.StartNew());
        try
        {
            // Until the saver has replaced the file 50 times (or 10 s, on a very slow disk).
            for (; Volatile.Read(ref saved) < 50 && clock.Elapsed < TimeSpan.FromSeconds(10); loads++)
                try
                {
                    if (Loaded(path, Rows) is { } k) seen.Add(k);
                    else failures.Add("a mixture of two checkpoints");
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException) { failures.Add(e.Message); }
        }
        finally
        {
            stop.Cancel();
            await saver.WaitAsync(TimeSpan.FromSeconds(10));
        }
        output.WriteLine($"{loads} loads during {saved} saves: {seen.Count} distinct checkpoints, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"{failures.Count} of {loads} loads failed: {string.Join("; ", failures.Take(3))}");
        Assert.True(seen.Count > 1, "the loads never saw a new checkpoint");
    }

    [Fact]
    public void A_save_that_runs_out_of_space_leaves_the_old_file_and_no_temporary_file()
    {
        if (OperatingSystem.IsWindows()) return;   // ulimit is POSIX sh
        var path = Path.Combine(folder, "model.state");
        new Checkpoint(7, rows: 2).Save(path);
        var before = File.ReadAllBytes(path);
        // The shell ignores SIGXFSZ and caps file size at 64 blocks (32 or 64 KiB), so the 4 MiB save fails mid-write
        // as on a full disk. CoreCLR's double-mapped code heap is a file too, so it is turned off for the child.
        var info = "trap '' XFSZ; ulimit -f 64; export DOTNET_EnableWriteXorExecute=0";
        using var child = Start(info, "once", path, "8");
        var printed = child.StandardOutput.ReadToEnd();
        child.WaitForExit();

        output.WriteLine(printed);
        Assert.Equal(3, child.ExitCode);
        Assert.StartsWith("failed ", printed);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(7, Loaded(path, rows: 2));
        Assert.Empty(Strays(path));
    }

    [Fact]
    public void A_save_into_a_missing_folder_throws_and_creates_nothing()
    {
        var path = Path.Combine(folder, "missing", "model.state");
        Assert.Throws<DirectoryNotFoundException>(() => new Checkpoint(1, rows: 2).Save(path));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_save_into_a_read_only_folder_throws_and_leaves_the_old_file()
    {
        if (OperatingSystem.IsWindows()) return;   // Unix file modes
        var path = Path.Combine(folder, "model.state");
        new Checkpoint(1, rows: 2).Save(path);
        var before = File.ReadAllBytes(path);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        // Root ignores file modes; it does not ignore the immutable attribute, where the file system and chattr have it.
        var readOnly = !CanCreateFileIn(folder) || (Chattr("+i") && !CanCreateFileIn(folder));
        try
        {
            if (readOnly)
            {
                var e = Record.Exception(() => new Checkpoint(2, rows: 2).Save(path));
                Assert.True(e is UnauthorizedAccessException or IOException, $"{e?.GetType().Name}: {e?.Message}");
                Assert.Equal(before, File.ReadAllBytes(path));
                Assert.Empty(Strays(path));
            }
            else
            {
                // A privileged run cannot make the folder read-only: the save then succeeds, whole.
                output.WriteLine("the folder could not be made read-only (root without chattr): checked the successful save");
                new Checkpoint(2, rows: 2).Save(path);
                Assert.Equal(2, Loaded(path, rows: 2));
                Assert.Empty(Strays(path));
            }
        }
        finally { Chattr("-i"); }
        Assert.Equal(readOnly ? 1 : 2, Loaded(path, rows: 2));
    }

    [Fact]
    public void A_save_whose_rename_fails_removes_its_temporary_file()
    {
        var path = Path.Combine(folder, "model.state");
        Directory.CreateDirectory(path);   // a folder where the file should go: the final rename cannot replace it
        var e = Record.Exception(() => new Checkpoint(1, rows: 2).Save(path));
        Assert.True(e is UnauthorizedAccessException or IOException, $"{e?.GetType().Name}: {e?.Message}");
        Assert.True(Directory.Exists(path));
        Assert.Empty(Strays(path));
    }

    [Fact]
    public void A_save_keeps_the_file_mode_and_writes_through_a_symbolic_link()
    {
        if (OperatingSystem.IsWindows()) return;   // Unix file modes
        var real = Path.Combine(folder, "run3.state");
        var link = Path.Combine(folder, "latest.state");
        new Checkpoint(1, rows: 2).Save(real);
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(real, mode);
        File.CreateSymbolicLink(link, real);

        new Checkpoint(2, rows: 2).Save(link);

        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal(2, Loaded(real, rows: 2));
        Assert.Equal(mode, File.GetUnixFileMode(real));
        Assert.Equal(["latest.state", "run3.state"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());
    }

    static bool CanCreateFileIn(string folder)
    {
        var probe = Path.Combine(folder, ".probe");
        try { File.Create(probe).Dispose(); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException) { return false; }
        File.Delete(probe);
        return true;
    }

    bool Chattr(string flag)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, folder]) { RedirectStandardError = true })!;
            chattr.StandardError.ReadToEnd();
            chattr.WaitForExit();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }   // no chattr
    }
}
