namespace Nabla.Properties;

using FsCheck;

/// <summary>Runs FsCheck properties from xunit facts (FsCheck.Xunit is not available here).</summary>
internal static class Props
{
    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> generated cases; throws with the failing case.</summary>
    public static void Check(Property property, int maxTest = 100) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property);
}
