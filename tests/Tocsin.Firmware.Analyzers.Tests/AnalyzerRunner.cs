using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tocsin.Firmware.Analyzers.Tests;

/// <summary>
/// Compiles a snippet against the running .NET runtime and returns only the analyzer's
/// diagnostics. Snippets must compile cleanly first, so a typo in a test cannot pass as
/// "no diagnostics".
/// </summary>
internal static class AnalyzerRunner
{
    // The runtime's own assemblies are enough for snippets and avoid pinning reference packs.
    private static readonly ImmutableArray<MetadataReference> _references = LoadPlatformReferences();

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, params DiagnosticAnalyzer[] analyzers)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Snippet.cs");
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree],
            _references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.IsEmpty(errors, "Snippet does not compile: " + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));

        var withAnalyzer = compilation.WithAnalyzers([.. analyzers]);
        return await withAnalyzer.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
    }

    /// <summary>The reported ids in source order, space separated, e.g. "TOC001 TOC003".</summary>
    public static async Task<string> IdsAsync(string source, params DiagnosticAnalyzer[] analyzers)
    {
        var diagnostics = await RunAsync(source, analyzers).ConfigureAwait(false);

        // Analyzers run concurrently, so the raw order is not stable; source order is.
        return string.Join(" ", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
    }

    private static ImmutableArray<MetadataReference> LoadPlatformReferences()
    {
        var paths = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        return [.. paths
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
