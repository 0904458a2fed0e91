using Nabla;

namespace Nabla.Samples.Tour;

/// <summary>
/// Prints the tour as a Python session would: a "# title" line per section, each PyTorch snippet echoed with
/// ">>> " and "... " prompts, and values printed the way Python's <c>print</c> shows them.
/// </summary>
internal static class Repl
{
    /// <summary>A blank line and a "# title" comment line.</summary>
    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine("# " + title);
    }

    /// <summary>Echoes the PyTorch snippet that the C# code after it mirrors.</summary>
    public static void Py(string snippet)
    {
        var lines = snippet.ReplaceLineEndings("\n").Trim('\n').Split('\n');
        Console.WriteLine(">>> " + lines[0]);
        foreach (var line in lines.Skip(1)) Console.WriteLine("... " + line);
    }

    /// <summary>Python's <c>print(*values)</c>: values separated by one space, null as None, bools as True/False.</summary>
    public static void Print(params object?[] values) => Console.WriteLine(string.Join(" ", values.Select(Str)));

    /// <summary>Every section leaves grad mode as it found it: grad on, inference mode off.</summary>
    public static void CheckDefaultMode()
    {
        if (!Autograd.IsGradEnabled || Autograd.IsInferenceModeEnabled)
            throw new InvalidOperationException("a section of the tour left grad mode changed");
    }

    static string Str(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        _ => value.ToString() ?? "",
    };
}
