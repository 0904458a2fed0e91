// A tour of Nabla through the examples of the PyTorch tutorials it started from (see README.md).
// Each section echoes the PyTorch snippet it mirrors and prints what Nabla computes, exactly as PyTorch prints it;
// tour.py is the same tour in PyTorch:
//     diff <(dotnet run --project samples/Tour) <(/usr/bin/python3 samples/Tour/tour.py)
// differs only in the dtype spelling (Nabla: dtype=float64, PyTorch: dtype=torch.float64).

using Nabla.Samples.Tour;

// On stderr, so stdout stays comparable line by line with tour.py.
Console.Error.WriteLine($"# Nabla numerics: {Nabla.Numerics.Provider}");

Action[] sections =
[
    Backward.SumOfSquares,
    Backward.GradIsNoneAtFirst,
    GradModes.NoGradScope,
    GradModes.NoGradDecorator,
    GradModes.Undecorated,
    GradModes.EnableGradScope,
    GradModes.EnableGradDecorator,
    GradModes.SetGradEnabledScope,
    GradModes.SetGradEnabledPlain,
    GradModes.ClosestScopeWinsEnableGrad,
    GradModes.ClosestScopeWinsNoGrad,
    GradModes.NoGradLeavesInputAlone,
    GradModes.InferenceMode,
    Backward.Accumulation,
    Backward.MatMulMean,
];

foreach (var section in sections)
{
    section();
    Repl.CheckDefaultMode();
}
