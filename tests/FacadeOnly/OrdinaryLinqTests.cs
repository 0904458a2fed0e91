using Nabla;
using Xunit;

namespace FacadeOnly;

/// <summary>Ordinary LINQ beside <c>using Nabla;</c> binds to System.Linq, as it does without Nabla.</summary>
public class OrdinaryLinqTests
{
    [Fact]
    public void Zip_min_max_and_friends_are_System_Linqs()
    {
        var xs = new[] { 3, 1, 2 };
        var ys = new List<int> { 4, 5, 6 };
        // With LanguageExt's extensions in scope, Zip bound to theirs and returned (int, int): no First or Second.
        Assert.Equal([12, 5, 12], xs.Zip(ys).Select(p => p.First * p.Second));
        Assert.Equal(1, xs.Min());
        Assert.Equal(6, ys.Max());
        Assert.Equal(6, xs.Aggregate(0, (a, b) => a + b));
        Assert.Equal(5, ys.Take(2).Skip(1).Single());
        Assert.Equal(2, xs.GroupBy(x => x % 2).Count());
        Assert.Equal(6, xs.Concat(ys).Distinct().Count());
    }

    [Fact]
    public void The_facade_alone_is_enough_to_differentiate()
    {
        var t = Tensor.From([1.0, 2.0], requiresGrad: true);
        (t * t).Sum().Backward();
        Assert.Equal("tensor([2., 4.])", t.Grad?.ToString());
        Assert.False(string.IsNullOrEmpty(Numerics.Provider));
        // Nabla.Core is not a compile reference of this project, only a run-time one.
        Assert.DoesNotContain(typeof(OrdinaryLinqTests).Assembly.GetReferencedAssemblies(), a => a.Name is "Nabla.Core" or "LanguageExt.Core");
    }
}
