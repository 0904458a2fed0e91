using BenchmarkDotNet.Running;
using Nabla.Bench;

// dotnet run -c Release --project bench/Nabla.Bench -- --filter '*'   (see docs/BENCHMARKS.md)
// dotnet run -c Release --project bench/Nabla.Bench -- profile-chain  (where the op chain's time goes)
// dotnet run -c Release --project bench/Nabla.Bench -- profile-mlp    (where a training step of the compare mlp goes)
// dotnet run -c Release --project bench/Nabla.Bench -- profile-infer  (the compare infer forward, layer by layer)
// dotnet run -c Release --project bench/Nabla.Bench -- sum-side-by-side (Sum against its pre-cascade kernel, alternating)
if (args is ["profile-chain"]) ChainProfile.Run();
else if (args is ["profile-mlp"]) MlpProfile.Run();
else if (args is ["profile-infer"]) MlpProfile.Infer();
else if (args is ["sum-side-by-side"]) SumSideBySide.Run();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
