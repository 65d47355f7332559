using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>
/// Runs the generator over one set of specs after another with the same driver, as an IDE does while a spec is edited:
/// the shared runtime is rendered once and only the specs' steps run again, which makes thousands of runs affordable.
/// Each run's output depends only on its specs, so a failure reproduces with a fresh driver.
/// </summary>
internal sealed class GeneratorSession
{
    private const string RuntimeHintPrefix = "OpenApiClientGenerator.Runtime.";

    private readonly CSharpCompilation _compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Marker { } }");
    private GeneratorDriver _driver = GeneratorHarness.CreateDriver([], trackSteps: false);

    public GeneratorOutcome Run(params AdditionalText[] specs)
    {
        _driver = _driver.ReplaceAdditionalTexts(specs.ToImmutableArray()).RunGenerators(_compilation);
        return new GeneratorOutcome(_driver.GetRunResult(), _compilation);
    }

    public GeneratorOutcome Run(string path, string text) => Run(new InMemoryAdditionalText(path, text));

    /// <summary>What one run produced, with the checks every run must pass.</summary>
    internal sealed class GeneratorOutcome(GeneratorDriverRunResult result, CSharpCompilation compilation)
    {
        public ImmutableArray<Diagnostic> Diagnostics { get; } = result.Diagnostics;

        public IReadOnlyList<GeneratedSourceResult> Sources { get; } = result.Results.SelectMany(r => r.GeneratedSources).ToList();

        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>
        /// Ways the generator failed instead of reporting a problem with the spec: an exception the driver caught
        /// (reported as CS8785), or one the generator caught itself and reported as OAG011.
        /// </summary>
        public IReadOnlyList<string> Crashes()
            => result.Results.Select(r => r.Exception).OfType<Exception>().Select(e => "exception: " + e)
                .Concat(CrashDiagnostics.Select(d => "diagnostic: " + Describe(d)))
                .ToList();

        public IReadOnlyList<Diagnostic> CrashDiagnostics => Diagnostics.Where(d => d.Id is "CS8785" or "OAG011").ToList();

        /// <summary>
        /// Compiler errors in the generated code. The shared runtime's method bodies are the same in every run, so only its
        /// declarations are checked, with every declaration and every spec's method bodies.
        /// </summary>
        public IReadOnlyList<Diagnostic> CompileErrors()
        {
            var trees = Sources.Select(s => s.SyntaxTree).ToList();
            var withSources = compilation.AddSyntaxTrees(trees);
            return withSources.GetDeclarationDiagnostics()
                .Concat(Sources.Where(s => !s.HintName.StartsWith(RuntimeHintPrefix, StringComparison.Ordinal)).SelectMany(s => withSources.GetSemanticModel(s.SyntaxTree).GetMethodBodyDiagnostics()))
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Distinct()
                .ToList();
        }

        /// <summary>
        /// Diagnostics in the spec whose location is not where its own offsets say: outside the text, or with a line and
        /// column other than those Roslyn counts for the same offset, which the IDE would show in the wrong place.
        /// </summary>
        public IReadOnlyList<string> MisplacedDiagnostics(string path, string text)
        {
            var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
            return Diagnostics
                .Where(d => d.Location.Kind == LocationKind.ExternalFile && d.Location.GetLineSpan().Path == path)
                .Where(d => d.Location.SourceSpan.End > text.Length || lines.GetLinePositionSpan(d.Location.SourceSpan) != d.Location.GetLineSpan().Span)
                .Select(d => $"{Describe(d)} is at {d.Location.GetLineSpan().Span}, but its offsets {d.Location.SourceSpan} are at "
                    + (d.Location.SourceSpan.End > text.Length ? "nothing (the text has " + text.Length + " characters)" : lines.GetLinePositionSpan(d.Location.SourceSpan).ToString()))
                .ToList();
        }

        public string Summary(int maxDiagnostics = 8)
            => Diagnostics.Length == 0
                ? "no diagnostics"
                : string.Join("\n", Diagnostics.Take(maxDiagnostics).Select(Describe))
                    + (Diagnostics.Length > maxDiagnostics ? $"\n... {Diagnostics.Length - maxDiagnostics} more" : string.Empty);

        public static string Describe(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var where = diagnostic.Location == Location.None
                ? "(no location)"
                : string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            return $"{where}: {diagnostic.Severity} {diagnostic.Id}: {(message.Length > 300 ? message.Substring(0, 300) + "..." : message)}";
        }
    }
}
