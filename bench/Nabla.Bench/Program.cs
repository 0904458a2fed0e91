using BenchmarkDotNet.Running;
using Nabla.Bench;

// dotnet run -c Release --project bench/Nabla.Bench -- --filter '*'   (see docs/BENCHMARKS.md)
// dotnet run -c Release --project bench/Nabla.Bench -- profile-chain  (where the op chain's time goes)
if (args is ["profile-chain"]) ChainProfile.Run();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
