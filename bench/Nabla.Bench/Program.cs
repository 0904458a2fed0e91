using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Nabla.Bench -- --filter '*'   (see docs/BENCHMARKS.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
