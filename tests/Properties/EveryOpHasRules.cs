namespace Nabla.Properties;

using System.Reflection;
using Nabla.Core;

/// <summary>
/// Every primitive carries both derivative rules by construction: Op's JVP is abstract (an op without one does not
/// compile), and the rule kinds (elementwise, linear, bilinear, self-adjoint, scalar) derive the JVP and VJP from the
/// one rule each op states. This keeps it so, and that most ops use a kind rather than writing both rules.
/// </summary>
public sealed class EveryOpHasRules
{
    static readonly Type[] Kinds = [typeof(ElementwiseOp<>), typeof(LinearOp<>), typeof(BilinearOp<>), typeof(SelfAdjointOp<>), typeof(ScalarOp<>)];

    static Type? KindOf(Type t)
    {
        for (var b = t.BaseType; b is not null; b = b.BaseType)
            if (b.IsGenericType && Kinds.Contains(b.GetGenericTypeDefinition())) return b.GetGenericTypeDefinition();
        return null;
    }

    static bool IsOp(Type t)
    {
        for (var b = t.BaseType; b is not null; b = b.BaseType)
            if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(Op<>)) return true;
        return false;
    }

    [Fact]
    public void Every_primitive_has_a_vjp_and_a_jvp_by_construction()
    {
        var flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        Assert.True(typeof(Op<>).GetMethod("Jvp", flags)!.IsAbstract, "Op<TSaved>.Jvp must stay abstract");
        Assert.True(typeof(Op<>).GetMethod("Vjp", flags)!.IsAbstract, "Op<TSaved>.Vjp must stay abstract");
        var ops = typeof(Op<>).Assembly.GetTypes().Where(t => !t.IsAbstract && IsOp(t)).ToList();
        Assert.True(ops.Count >= 50, $"found only {ops.Count} primitives");
        Assert.All(ops, t => Assert.False(t.GetMethod("Jvp", flags)!.IsAbstract, $"{t.Name} has no JVP"));
        var kinded = ops.Where(t => KindOf(t) is not null).Select(t => t.Name).ToList();
        Assert.True(kinded.Count >= 48, $"only {kinded.Count} ops use a rule kind: {string.Join(", ", kinded)}");
    }
}
