// The one place where this assembly's FsCheck properties are configured: every [Property] runs 200 generated cases
// unless it names its own MaxTest. A failing property prints "Replay: (seed, gamma)" (README, "Replaying a failing
// property"): pasting it as [Property(Replay = "(seed, gamma)")] on that property runs the failing cases again.
[assembly: FsCheck.Xunit.Properties(MaxTest = 200)]
