namespace Nabla.Properties;

using System.Reflection;
using Nabla.Core;

/// <summary>
/// Every primitive carries both derivative rules. Gradcheck.Verify skips the forward-mode check while an op on the way
/// lacks a JVP, so this is what makes a missing one fail.
/// </summary>
public sealed class EveryOpHasRules
{
    [Fact]
    public void Every_primitive_overrides_its_jvp()
    {
        var ops = typeof(Op<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Op<>))
            .ToList();
        Assert.True(ops.Count >= 50, $"found only {ops.Count} primitives");
        var missing = ops
            .Where(t => t.GetMethod("Jvp", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.DeclaringType != t)
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(missing);
    }
}
