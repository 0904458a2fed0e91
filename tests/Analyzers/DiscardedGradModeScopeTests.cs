// NABLA0001 on compiled snippets: each snippet is compiled with Roslyn against the framework and the Nabla assemblies
// (it must compile without errors, so a broken snippet cannot pass by reporting nothing), the analyzer runs on it, and
// the diagnostics must be exactly the spans marked [| |] in the snippet, at the marked line and column.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Nabla.Analyzers.Tests;

public class DiscardedGradModeScopeTests
{
    /// <summary>A method body in a file that has `using System; using System.Collections.Generic; using Nabla;`.</summary>
    static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using Nabla;

        static class Snippet
        {
            static void Use(IDisposable scope) => scope.Dispose();

            static void Run(bool flag)
            {
        {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("[|Autograd.NoGrad()|];")]
    [InlineData("[|Autograd.EnableGrad()|];")]
    [InlineData("[|Autograd.InferenceMode()|];")]
    [InlineData("[|Autograd.InferenceMode(false)|];")]
    [InlineData("[|Autograd.DetectAnomaly()|];")]
    [InlineData("[|Autograd.DetectAnomaly(enabled: true)|];")]
    [InlineData("[|Nabla.Autograd.NoGrad()|];")]
    [InlineData("_ = [|Autograd.NoGrad()|];")]
    [InlineData("_ = (object)[|Autograd.InferenceMode()|];")]
    [InlineData("_ = flag ? [|Autograd.NoGrad()|] : [|Autograd.EnableGrad()|];")]
    [InlineData("_ = flag switch { true => [|Autograd.NoGrad()|], false => [|Autograd.EnableGrad()|] };")]
    [InlineData("IDisposable? none = null; _ = none ?? [|Autograd.NoGrad()|];")]
    [InlineData("Action off = () => [|Autograd.NoGrad()|];")]
    [InlineData("Action off = () => { [|Autograd.NoGrad()|]; };")]
    [InlineData("void Off() => [|Autograd.NoGrad()|];\nOff();")]
    [InlineData("if (flag)\n    [|Autograd.NoGrad()|];\nusing (Autograd.EnableGrad())\n    [|Autograd.DetectAnomaly()|];")]
    public void A_discarded_scope_is_reported_where_it_is_made(string body) =>
        AssertDiagnostics(InMethod(body));

    [Theory]
    [InlineData("using var _ = Autograd.NoGrad();")]
    [InlineData("using var scope = Autograd.InferenceMode(false);")]
    [InlineData("using (Autograd.NoGrad()) { }")]
    [InlineData("using (Autograd.NoGrad())\nusing (Autograd.EnableGrad())\n    Console.WriteLine(Autograd.IsGradEnabled);")]
    [InlineData("using (var s = Autograd.DetectAnomaly()) { }")]
    [InlineData("var s = Autograd.NoGrad();\nConsole.WriteLine(Autograd.IsGradEnabled);\ns.Dispose();")]
    [InlineData("IDisposable s;\ns = Autograd.EnableGrad();\ns.Dispose();")]
    [InlineData("Use(Autograd.NoGrad());")]
    [InlineData("var scopes = new List<IDisposable> { Autograd.NoGrad(), Autograd.EnableGrad() };")]
    [InlineData("Func<IDisposable> open = () => Autograd.NoGrad();\nusing (open()) { }")]
    [InlineData("IDisposable Open() => flag ? Autograd.NoGrad() : Autograd.EnableGrad();\nusing (Open()) { }")]
    // The wrappers return a Func or an Action and change nothing until called, so dropping one is harmless.
    [InlineData("Autograd.NoGrad(() => 1);\nAutograd.EnableGrad(() => { });")]
    [InlineData("var doubler = Autograd.NoGrad((int x) => 2 * x);\nConsole.WriteLine(doubler(1));")]
    [InlineData("Autograd.NoGrad(() => { Console.WriteLine(Autograd.IsGradEnabled); })();")]
    // PyTorch's function form: a plain call is meant to stay in force.
    [InlineData("Autograd.SetGradEnabled(false);\nAutograd.SetGradEnabled(true);")]
    [InlineData("_ = Autograd.SetGradEnabled(false);")]
    public void A_scope_that_is_kept_and_the_plain_SetGradEnabled_call_are_not_reported(string body) =>
        AssertDiagnostics(InMethod(body));

    [Fact]
    public void The_warning_names_the_call_and_says_what_to_write_instead()
    {
        var diagnostic = Assert.Single(Analyze(InMethod("        Autograd.InferenceMode(false);")));
        Assert.Equal("NABLA0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Usage", diagnostic.Descriptor.Category);
        Assert.Equal(
            "The scope returned by Autograd.InferenceMode(false) is discarded, so grad mode stays changed for the rest " +
            "of the flow; write 'using var _ = Autograd.InferenceMode(false);' or " +
            "'using (Autograd.InferenceMode(false)) { ... }'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // Line 11 of the snippet (1-based), column 9: the call, not the whole statement.
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((10, 8), (start.Line, start.Character));
        Assert.Equal("Autograd.InferenceMode(false)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_call_through_using_static_is_reported_with_the_Autograd_spelling() =>
        AssertDiagnostics("""
            using static Nabla.Autograd;

            static class Snippet
            {
                static void Run() => [|NoGrad()|];
            }
            """,
            message: "The scope returned by Autograd.NoGrad() is discarded, so grad mode stays changed for the rest " +
                     "of the flow; write 'using var _ = Autograd.NoGrad();' or 'using (Autograd.NoGrad()) { ... }'");

    [Fact]
    public void Top_level_statements_are_checked() =>
        AssertDiagnostics("""
            using Nabla;

            [|Autograd.NoGrad()|];
            using (Autograd.EnableGrad())
                System.Console.WriteLine(Autograd.IsGradEnabled);
            """, OutputKind.ConsoleApplication);

    [Fact]
    public void A_class_of_the_users_own_called_Autograd_is_not_Nablas() =>
        AssertDiagnostics("""
            using System;

            namespace MyLib
            {
                static class Autograd
                {
                    public static IDisposable NoGrad() => new Scope();
                    public static IDisposable EnableGrad() => new Scope();
                    sealed class Scope : IDisposable { public void Dispose() { } }
                }

                static class Snippet
                {
                    static void Run()
                    {
                        Autograd.NoGrad();
                        _ = Autograd.EnableGrad();
                        [|Nabla.Autograd.NoGrad()|];
                    }
                }
            }
            """);

    [Fact]
    public void The_READMEs_warning_is_the_one_the_analyzer_prints()
    {
        // README.md, "A discarded scope is a warning (NABLA0001)": the compiler's line for a Program.cs whose fourth
        // line is a bare Autograd.NoGrad().
        var readme = File.ReadAllLines(Path.Combine(RepoRoot(), "README.md"));
        var shown = Assert.Single(readme, line => line.Contains("warning NABLA0001:", StringComparison.Ordinal));
        var diagnostic = Assert.Single(Analyze("""
            using Nabla;

            var x = Tensor.From([1.0], requiresGrad: true);
            Autograd.NoGrad();
            System.Console.WriteLine((x * 2).RequiresGrad);
            """, OutputKind.ConsoleApplication, path: "Program.cs"));
        Assert.Equal(shown, diagnostic.ToString());

        // The rule's description sends the reader to that paragraph by its title.
        const string title = "A discarded scope is a warning (NABLA0001)";
        Assert.Contains($"\"{title}\"", diagnostic.Descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(readme, line => line.StartsWith($"**{title}.**", StringComparison.Ordinal));
    }

    /// <summary>Asserts that the analyzer reports NABLA0001 exactly at the [| |] spans of <paramref name="marked"/>.</summary>
    static void AssertDiagnostics(string marked, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, string? message = null)
    {
        var (source, expected) = Unmark(marked);
        var diagnostics = Analyze(source, kind);
        Assert.All(diagnostics, d => Assert.Equal("NABLA0001", d.Id));
        if (message is not null)
            Assert.All(diagnostics, d => Assert.Equal(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        var text = SourceText.From(source);
        Assert.Equal(
            expected.Select(span => Describe(text, span)),
            diagnostics.Select(d => Describe(text, d.Location.SourceSpan)));
    }

    /// <summary>"line:column text" of a span, 1-based as the compiler prints it.</summary>
    static string Describe(SourceText text, TextSpan span)
    {
        var start = text.Lines.GetLinePosition(span.Start);
        return $"{start.Line + 1}:{start.Character + 1} {text.ToString(span)}";
    }

    /// <summary>The source without its [| |] markers, and the spans they marked.</summary>
    static (string Source, ImmutableArray<TextSpan> Spans) Unmark(string marked)
    {
        var source = new System.Text.StringBuilder();
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var open = -1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0) { open = source.Length; i++; }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0) { spans.Add(TextSpan.FromBounds(open, source.Length)); i++; }
            else source.Append(marked[i]);
        }
        return (source.ToString(), spans.ToImmutable());
    }

    /// <summary>The analyzer's diagnostics on <paramref name="source"/>, which must compile without errors, in source order.</summary>
    static ImmutableArray<Diagnostic> Analyze(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary,
                                              string path = "")
    {
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path)],
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzed = compilation.WithAnalyzers([new DiscardedGradModeScopeAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null,
                                                concurrentAnalysis: false, logAnalyzerExecutionTime: false,
                                                reportSuppressedDiagnostics: false));
        // An exception inside the analyzer comes back as an AD0001 diagnostic, which AssertDiagnostics rejects.
        return [.. analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>The directory holding Functional.sln, found by walking up from the test binaries.</summary>
    static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functional.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Functional.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The assemblies of this runtime's framework (System.Runtime, System.Console, ...) and Nabla's two.</summary>
    static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory);
        // Only Nabla.dll, as a project that references the Nabla package compiles against it (Nabla.Core is run time only).
        var nabla = new[] { typeof(Autograd).Assembly.Location };
        return [.. framework.Concat(nabla).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });
}
