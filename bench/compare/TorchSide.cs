using System.Diagnostics;
using System.Text.Json;

namespace Nabla.Compare;

/// <summary>
/// bench/compare/torch_side.py running in Debian's /usr/bin/python3 with torch, answering one JSON line per command.
/// Debian's torch is linked against the generic libblas.so.3, which is netlib's reference BLAS as installed; with
/// <c>withMkl</c> the process resolves libblas.so.3 and liblapack.so.3 to Intel MKL instead (the same libmkl_rt.so
/// Nabla uses), so matrix products compare like with like.
/// </summary>
internal sealed class TorchSide : IDisposable
{
    public const string Python = "/usr/bin/python3";
    const string Mkl = "/usr/lib/x86_64-linux-gnu/libmkl_rt.so";
    readonly Process process;

    public TorchSide(string repo, bool withMkl)
    {
        var start = new ProcessStartInfo(Python, "bench/compare/torch_side.py")
        {
            WorkingDirectory = repo, RedirectStandardInput = true, RedirectStandardOutput = true,
        };
        foreach (var (key, value) in withMkl ? MklEnvironment() : Threads()) start.Environment[key] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        Info = Ask("info");
    }

    /// <summary>torch's version, threads, BLAS and Python version.</summary>
    public JsonElement Info { get; }

    /// <summary><paramref name="n"/> samples of the named workload.</summary>
    public double[] Run(string workload, int n) =>
        Ask($"run {workload} {n}").GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    JsonElement Ask(string command)
    {
        process.StandardInput.WriteLine(command);
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine()
                   ?? throw new InvalidOperationException($"torch_side.py ended on '{command}': see its error above; without torch, apt-get install -y python3-torch");
        var answer = JsonDocument.Parse(line).RootElement;
        return answer.TryGetProperty("error", out var error) ? throw new InvalidOperationException(error.GetString()) : answer;
    }

    /// <summary>A second PyTorch as Debian installs it (netlib BLAS), or null when MKL is not there to tell apart.</summary>
    public static TorchSide? TryDefaultBlas(string repo) => File.Exists(Mkl) ? new TorchSide(repo, withMkl: false) : null;

    static Dictionary<string, string> Threads() => new() { ["OMP_NUM_THREADS"] = "2", ["MKL_NUM_THREADS"] = "2" };

    /// <summary>2 threads, and libblas.so.3 / liblapack.so.3 resolved to libmkl_rt.so through a folder of links.</summary>
    public static Dictionary<string, string> MklEnvironment()
    {
        var environment = Threads();
        if (!File.Exists(Mkl)) return environment;
        var links = Path.Combine(Path.GetTempPath(), "nabla-compare-blas");
        Directory.CreateDirectory(links);
        foreach (var name in new[] { "libblas.so.3", "liblapack.so.3" })
        {
            var link = Path.Combine(links, name);
            if (!File.Exists(link)) File.CreateSymbolicLink(link, Mkl);
        }
        environment["LD_LIBRARY_PATH"] = links;
        // MKL threads through libgomp, the OpenMP runtime torch itself is built with (Intel's runtime beside it
        // oversubscribes the 2 cores: 5-10x slower steps in a trial).
        environment["MKL_THREADING_LAYER"] = "GNU";
        return environment;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000)) process.Kill();
        }
        process.Dispose();
    }
}
