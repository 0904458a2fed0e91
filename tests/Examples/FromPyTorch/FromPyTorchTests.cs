using System.Text.RegularExpressions;

namespace Nabla.Examples;

/// <summary>The README's "From PyTorch" table is <see cref="FromPyTorch.All"/>, and every row gives PyTorch's result.</summary>
public sealed class FromPyTorchTests
{
    public static TheoryData<FromPyTorchRow> Rows => [.. FromPyTorch.All];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_gives_what_PyTorch_gives(FromPyTorchRow row)
    {
        var y = row.Run();
        Assert.Equal(row.Shape, y.Shape);
        Assert.Equal(row.DType, y.DType);
        Assert.Equal(row.GradFn, y.GradFn?.Name);
        var eps = row.DType == DType.Float64 ? Approx.Eps64 : row.DType == DType.Float32 ? Approx.Eps32 : 0;
        var actual = y.ToArray();
        Assert.Equal(row.Values.Length, actual.Length);
        for (var k = 0; k < actual.Length; k++)
            Approx.Relative(row.Values[k], actual[k], row.Ulps * eps, what: $"{row.Nabla} element {k}");
    }

    [Fact]
    public void The_README_table_is_the_tested_table()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Functional.sln"))) root = root.Parent!;
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md"));
        var section = Regex.Match(readme, @"\n## From PyTorch\n(.*?)(\n## |\z)", RegexOptions.Singleline).Groups[1].Value;
        var shown = Regex.Matches(section, @"^\| `(.+?)` \| `(.+?)` \|$", RegexOptions.Multiline)
                         .Select(r => (r.Groups[1].Value, r.Groups[2].Value.Replace(@"\|", "|"))).ToList();
        var tested = FromPyTorch.All.Select(r => (r.PyTorch, r.Nabla)).ToList();
        Assert.True(shown.SequenceEqual(tested),
            "README.md's From PyTorch table should read, in this order:\n" +
            string.Join("\n", tested.Select(r => $"| `{r.PyTorch}` | `{r.Nabla.Replace("|", @"\|")}` |")));
    }
}
