using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nabla.Bench;
using Nabla.Compare;

// The side-by-side harness of docs/BENCHMARKS.md: every workload through Nabla (in this process) and through PyTorch
// 1.13 (bench/compare/torch_side.py in /usr/bin/python3, 2 threads), alternating round by round, then a table of
// medians and ratios written into docs/BENCHMARKS.md. Run from the repository root:
//     dotnet run -c Release --project bench/compare
var rounds = new Option<int>("--rounds") { Description = "rounds of alternating blocks (digits: one seed per round)", DefaultValueFactory = _ => 5 };
var only = new Option<string[]>("--only") { Description = "workloads to run (ops mlp infer hessian memory vocabulary digits); default all", AllowMultipleArgumentsPerToken = true };
var noWrite = new Option<bool>("--no-write") { Description = "print the table without updating docs/BENCHMARKS.md" };
var root = new RootCommand("Nabla against PyTorch 1.13, side by side, on the workloads of docs/BENCHMARKS.md.") { rounds, only, noWrite };
root.SetAction(result => Harness.Run(result.GetValue(rounds), result.GetValue(only) is { Length: > 0 } o ? o : Harness.All,
                                     !result.GetValue(noWrite)));
return root.Parse(args).Invoke();

internal static class Harness
{
    public static readonly string[] All = ["ops", "mlp", "infer", "hessian", "memory", "vocabulary", "digits"];
    const string Begin = "<!-- compare:begin -->", End = "<!-- compare:end -->";

    public static int Run(int rounds, string[] workloads, bool write)
    {
        var repo = FindRepository();
        using var torch = new TorchSide(repo, withMkl: true);
        var machine = Machine(torch.Info);
        Console.Error.WriteLine(machine);
        var rows = new List<Row>();

        // companion: a Nabla-side workload run right after each round's Nabla blocks (a raw-MKL baseline), so both see
        // the same minute of the machine; its samples land in companionSamples.
        List<double> companionSamples = [];
        (double[], double[]) Alternate(string name, int blocks, bool nablaSide = true, bool torchSide = true, string? companion = null)
        {
            companionSamples = [];
            Console.Error.Write($"{name}: ");
            // Warm-up, discarded: at least a second of Nabla's blocks, so tiered compilation has reached optimised code.
            for (var warm = Stopwatch.StartNew(); nablaSide && warm.Elapsed.TotalSeconds < 1;) Workloads.Run(name, 1);
            if (companion is not null) Workloads.Run(companion, 1);
            if (torchSide) torch.Run(name, 1);
            List<double> n = [], t = [];
            for (var r = 0; r < rounds; r++)
            {
                // Alternate which side goes first, so drift in the machine's speed falls on both alike; a pause after
                // each side lets its OpenMP threads stop spinning before the other side's clock starts.
                void Nabla()
                {
                    n.AddRange(Workloads.Run(name, blocks));
                    if (companion is not null) companionSamples.AddRange(Workloads.Run(companion, blocks));
                    Quiesce();
                }
                if (r % 2 == 0 && nablaSide) Nabla();
                if (torchSide) { t.AddRange(torch.Run(name, blocks)); Quiesce(); }
                if (r % 2 == 1 && nablaSide) Nabla();
                Console.Error.Write('.');
            }
            Console.Error.WriteLine();
            return ([.. n], [.. t]);
        }

        foreach (var workload in workloads)
            switch (workload)
            {
                case "ops":
                {
                    var (n, t) = Alternate("ops", 4);
                    rows.Add(Row.Versus("ops", "3,000-op scalar chain with backward", "ns/op", Median(n), Median(t), 0.05, "F0") with { Range = Range(n, t, 4) });
                    break;
                }
                case "mlp":
                {
                    var (n, t) = Alternate("mlp", 4, companion: RawMkl.Available ? "mlp-raw-sgemm" : null);
                    var raw = companionSamples.ToArray();
                    rows.Add(Row.Versus("mlp", "784-512-512-10 ReLU, batch 128, CE, SGD step", "ms/step", Median(n), Median(t), 0.9, "F2") with { Range = Range(n, t, 4) });
                    if (RawMkl.Available)
                    {
                        double Gflops(double ms) => Workloads.Mlp.StepFlops / (ms * 1e-3) / 1e9;
                        rows.Add(new Row("mlp GFLOP/s", "the step's 8 matrix products, against raw `cblas_sgemm` on the same shapes", "GFLOP/s",
                                         Gflops(Median(n)), Gflops(Median(t)), Gflops(Median(n)) / Gflops(Median(raw)), "≥ 0.70 of raw",
                                         Gflops(Median(n)) / Gflops(Median(raw)) >= 0.70, "F1",
                                         $"raw MKL {Gflops(Median(raw)):F1} GFLOP/s ({Median(raw):F2} ms for the 8 products); ratio is Nabla / raw"));
                    }
                    using var netlib = TorchSide.TryDefaultBlas(repo);
                    if (netlib is not null)
                    {
                        netlib.Run("mlp", 1);
                        var slow = Enumerable.Range(0, 2).SelectMany(_ => netlib.Run("mlp", 1)).ToArray();
                        rows.Add(Row.Info("mlp, PyTorch as installed", "Debian's torch on its default libblas.so.3 (netlib reference BLAS)",
                                          "ms/step", Median(n), Median(slow), "F2"));
                    }
                    break;
                }
                case "infer":
                {
                    var (g, tg) = Alternate("infer-grad", 4);
                    var (ng, tng) = Alternate("infer-nograd", 4, companion: RawMkl.Available ? "infer-raw-sgemm" : null);
                    var inferRaw = companionSamples.ToArray();
                    rows.Add(Row.Info("infer, grad mode", "the MLP forward on batch 1024, recording a graph", "ms", Median(g), Median(tg), "F2") with { Range = Range(g, tg, 4) });
                    rows.Add(Row.Versus("infer, NoGrad", "the same forward under NoGrad / no_grad", "ms", Median(ng), Median(tng), 0.9, "F2") with { Range = Range(ng, tng, 4) });
                    if (inferRaw.Length > 0)
                        rows.Add(Row.Info("infer, raw MKL floor", "the forward's 3 products alone through `cblas_sgemm` into reused buffers (Nabla column)", "ms",
                                          Median(inferRaw), Median(tng), "F2"));
                    using var netlib = TorchSide.TryDefaultBlas(repo);
                    if (netlib is not null)
                    {
                        var slow = netlib.Run("infer-nograd", 2);
                        rows.Add(Row.Info("infer, NoGrad, PyTorch as installed", "Debian's torch on netlib BLAS", "ms", Median(ng), Median(slow), "F2"));
                    }
                    break;
                }
                case "hessian":
                {
                    var (n, t) = Alternate("hessian", 4);
                    var (_, tv) = Alternate("hessian-vectorized", 4, nablaSide: false);
                    rows.Add(Row.Versus("hessian", "Hessian of sum(tanh(A x)), x in R^64, Float64", "ms", Median(n), Median(t), 0.5, "F3") with { Range = Range(n, t, 4) });
                    rows.Add(Row.Info("hessian, vectorize=True", "PyTorch's opt-in vmap path, same function", "ms", Median(n), Median(tv), "F3"));
                    break;
                }
                case "memory":
                {
                    var (g, tg) = Alternate("memory-grad", 1);
                    var (ng, tng) = Alternate("memory-nograd", 1);
                    rows.Add(Row.Info("memory, grad mode", "bytes kept alive beyond the output: 16-layer 512-wide tanh MLP, batch 256", "bytes",
                                      Median(g), Median(tg), "N0"));
                    var share = Median(ng) / Median(g);
                    rows.Add(new Row("memory, NoGrad", "the same forward under NoGrad; ratio is Nabla NoGrad / Nabla grad mode", "bytes",
                                     Median(ng), Median(tng), share, "≤ 0.01", share <= 0.01, "N0", null));
                    break;
                }
                case "vocabulary":
                    foreach (var (name, what) in new[]
                             {
                                 ("cat", "cat of four [512, 256] along dim 1, Float32"),
                                 ("slice-backward", "x[:, 100:600] of a [1024, 1024] leaf, backward with a seed of ones"),
                                 ("einsum", "einsum(\"bhqd,bhkd->bhqk\"), [8, 8, 128, 64] queries and keys, Float32"),
                                 ("logsumexp", "logsumexp over the last dim of [1024, 1024], Float32"),
                             })
                    {
                        var (n, t) = Alternate(name, 4);
                        rows.Add(Row.Versus(name, what, "ms", Median(n), Median(t), 1.5, "F3") with { Range = Range(n, t, 4) });
                    }
                    break;
                case "digits":
                    rows.AddRange(Digits(repo, rounds));
                    break;
                default:
                    Console.Error.WriteLine($"unknown workload '{workload}' (known: {string.Join(", ", All)})");
                    return 2;
            }

        var section = Section(machine, rows, rounds);
        Console.WriteLine(section);
        if (write)
        {
            var path = Path.Combine(repo, "docs", "BENCHMARKS.md");
            File.WriteAllText(path, Splice(File.ReadAllText(path), section));
            Console.Error.WriteLine($"wrote {path}");
        }
        return 0;
    }

    /// <summary>samples/Digits and samples/Digits/digits.py as users run them, one seed per round, alternating.</summary>
    static IEnumerable<Row> Digits(string repo, int rounds)
    {
        Console.Error.Write("digits: ");
        var build = Process.Start(new ProcessStartInfo("dotnet", "build -c Release samples/Digits -v q -nologo")
                                  { WorkingDirectory = repo, RedirectStandardOutput = true })!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        var dll = Directory.GetFiles(Path.Combine(repo, "samples", "Digits", "bin", "Release"), "Digits.dll", SearchOption.AllDirectories).Single();
        List<double> nTime = [], nAcc = [], tTime = [], tAcc = [];
        for (var seed = 0; seed < rounds; seed++)
        {
            var nabla = Output(repo, "dotnet", $"{dll} --seed {seed} --fine-tune-epochs 0", null);
            var m = Regex.Match(nabla, @"Trained 20 epochs in ([0-9.]+) s: test accuracy ([0-9.]+)");
            if (!m.Success) throw new InvalidOperationException($"samples/Digits printed no result line:\n{nabla}");
            nTime.Add(Parse(m.Groups[1].Value));
            nAcc.Add(Parse(m.Groups[2].Value));
            var torch = Output(repo, TorchSide.Python, $"samples/Digits/digits.py 20 {seed}", TorchSide.MklEnvironment());
            m = Regex.Match(torch, @"20 epochs in ([0-9.]+) s, test accuracy ([0-9.]+)");
            if (!m.Success) throw new InvalidOperationException($"digits.py printed no result line:\n{torch}");
            tTime.Add(Parse(m.Groups[1].Value));
            tAcc.Add(Parse(m.Groups[2].Value));
            Console.Error.Write('.');
        }
        Console.Error.WriteLine();
        var ratio = Median(nTime) / Median(tTime);
        // "Equal accuracy": Nabla's mean test accuracy over the seeds no more than half a point below PyTorch's.
        var equal = nAcc.Average() >= tAcc.Average() - 0.005;
        yield return new Row("digits", $"samples/Digits CNN, 20 epochs, training time (seeds 0–{rounds - 1})", "s",
                             Median(nTime), Median(tTime), ratio, "≤ 1.0 at equal accuracy", ratio <= 1.0 && equal, "F2",
                             $"mean test accuracy: Nabla {nAcc.Average():F3}, PyTorch {tAcc.Average():F3}") { Range = Range([.. nTime], [.. tTime], 1) };
    }

    static string Output(string repo, string file, string arguments, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Regex.Replace(stdout + stderr.Result, @"\x1b\[[0-9;]*[A-Za-z]", "");
    }

    /// <summary>The lowest and highest ratio of one round's medians (Nabla over PyTorch), <paramref name="blocks"/> samples a side per round.</summary>
    static string Range(double[] nabla, double[] torch, int blocks)
    {
        var ratios = Enumerable.Range(0, Math.Min(nabla.Length, torch.Length) / blocks)
            .Select(r => Median(nabla[(r * blocks)..((r + 1) * blocks)]) / Median(torch[(r * blocks)..((r + 1) * blocks)])).ToArray();
        return ratios.Length == 0 ? "" : $"{ratios.Min().ToString("F3", CultureInfo.InvariantCulture)}–{ratios.Max().ToString("F3", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Long enough for idle OpenMP workers (MKL's KMP_BLOCKTIME is 200 ms) to go to sleep.</summary>
    static void Quiesce() => Thread.Sleep(300);

    static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    static string Machine(JsonElement torchInfo)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME="))?.Split('=', 2)[1].Trim('"')
            : RuntimeInformation.OSDescription;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30);
        return $"**Machine:** {cpu}, {Environment.ProcessorCount} cores, {memory} GiB, {os}.  \n" +
               $"**Nabla:** {RuntimeInformation.FrameworkDescription}, numerics {Nabla.Numerics.Provider}.  \n" +
               $"**PyTorch:** {torchInfo.GetProperty("torch").GetString()} (Debian python3-torch, Python {torchInfo.GetProperty("python").GetString()}), " +
               $"{torchInfo.GetProperty("threads").GetInt32()} threads, BLAS: {torchInfo.GetProperty("blas").GetString()}.";
    }

    static string Section(string machine, List<Row> rows, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/compare` ({rounds} rounds).");
        text.AppendLine();
        text.AppendLine(machine);
        text.AppendLine();
        text.AppendLine("| workload | what | unit | Nabla | PyTorch | ratio | rounds' range | target | met |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---|---|");
        foreach (var row in rows) text.AppendLine(row.Markdown());
        var notes = rows.Where(r => r.Note is not null).Select(r => $"- {r.Workload}: {r.Note}").ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in notes) text.AppendLine(note);
        }
        text.Append(End);
        return text.ToString();
    }

    /// <summary>Replaces the marked section of <paramref name="document"/>, or inserts it before its first "## ".</summary>
    static string Splice(string document, string section)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin >= 0 && end > begin) return document[..begin] + section + document[(end + End.Length)..];
        var first = document.IndexOf("\n## ", StringComparison.Ordinal);
        var at = first < 0 ? document.Length : first + 1;
        return document[..at] + "## Side by side with PyTorch\n\n" + section + "\n\n" + document[at..];
    }

    static string FindRepository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functional.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the Nabla repository (no Functional.sln above the current directory)");
    }
}

/// <summary>One line of the table: medians of both sides, the ratio its target is about, and whether it is met.</summary>
internal sealed record Row(string Workload, string What, string Unit, double Nabla, double Torch, double Ratio,
                           string Target, bool? Met, string Format, string? Note)
{
    /// <summary>The ratio's lowest and highest value over the rounds (one round's medians each), where both sides alternated.</summary>
    public string Range { get; init; } = "";

    public static Row Versus(string workload, string what, string unit, double nabla, double torch, double target, string format) =>
        new(workload, what, unit, nabla, torch, nabla / torch, $"≤ {target.ToString(CultureInfo.InvariantCulture)}", nabla / torch <= target, format, null);

    public static Row Info(string workload, string what, string unit, double nabla, double torch, string format) =>
        new(workload, what, unit, nabla, torch, nabla / torch, "", null, format, null);

    public string Markdown() =>
        $"| {Workload} | {What} | {Unit} | {Nabla.ToString(Format, CultureInfo.InvariantCulture)} | " +
        $"{Torch.ToString(Format, CultureInfo.InvariantCulture)} | {Ratio.ToString(Ratio < 0.01 ? "F4" : "F3", CultureInfo.InvariantCulture)} | {Range} | " +
        $"{Target} | {Met switch { true => "yes", false => "**no**", null => "" }} |";
}
