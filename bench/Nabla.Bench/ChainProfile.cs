using System.Diagnostics;

namespace Nabla.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Nabla.Bench -- profile-chain`: the op chain of <see cref="OpChainBenchmarks"/>
/// run 1,000 times, reporting per-op mean, median and tail, and how much of the mean is GC pause
/// (<see cref="GC.GetTotalPauseDuration"/>), with collection counts: the profile behind docs/BENCHMARKS.md.
/// </summary>
internal static class ChainProfile
{
    const int Steps = Workbench.ChainSteps, OpsPerStep = Workbench.ChainOps, Runs = 1000;

    public static void Run()
    {
        for (var w = 0; w < 300; w++) Chain();
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var perRun = new double[Runs];
        var total = Stopwatch.StartNew();
        for (var r = 0; r < Runs; r++)
        {
            var sw = Stopwatch.StartNew();
            Chain();
            perRun[r] = sw.Elapsed.TotalNanoseconds / (Steps * OpsPerStep);
        }
        var ops = (double)Runs * Steps * OpsPerStep;
        Array.Sort(perRun);
        Console.WriteLine($"per op: mean {total.Elapsed.TotalNanoseconds / ops:F0} ns, median {perRun[Runs / 2]:F0} ns, " +
                          $"p90 {perRun[Runs * 9 / 10]:F0} ns, p99 {perRun[Runs * 99 / 100]:F0} ns");
        Console.WriteLine($"GC pause {(GC.GetTotalPauseDuration() - pause).TotalNanoseconds / ops:F0} ns/op, " +
                          $"allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / ops:F0} B/op, collections per 1,000 runs: " +
                          $"gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}");
    }

    static double Chain() => Workbench.Chain();
}
