using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGenerator.Testing;

namespace CorpusRunner;

/// <summary>
/// One spec through the generator and the compiler, as a build would take it: the re-indented definition as an
/// AdditionalFile <c>*.openapi.json</c> of a consumer compilation that references the .NET 8 reference assemblies with
/// nullable enabled, run by <see cref="CSharpGeneratorDriver"/>, then the compilation with the generated trees checked
/// by <c>GetDiagnostics()</c> (binding every method body, as a build does).
/// </summary>
public sealed class SpecRunner(ImmutableArray<ISourceGenerator> generators)
{
    private const int ErrorsKept = 3;

    /// <summary>Hint names of the file every client shares; its lines are counted apart.</summary>
    private const string RuntimeHintPrefix = "OpenApiClientGenerator.";

    /// <summary>
    /// The symbols the .NET SDK defines for a net8.0 Release build, so that the runtime's <c>#if NET5_0_OR_GREATER</c>
    /// branches compile as they do for a user; without them the netstandard2.0 branches would meet the .NET 8 reference
    /// assemblies and warn (CS0618) where no build does.
    /// </summary>
    private static readonly string[] Net80Symbols =
    [
        "TRACE", "RELEASE", "NET", "NET8_0", "NETCOREAPP",
        "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER",
        "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP1_0_OR_GREATER",
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: Net80Symbols);

    private static readonly string[] AsyncReturnTypes = ["Task", "ValueTask", "IAsyncEnumerable"];

    private readonly CSharpCompilation _consumer = CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }", ParseOptions)],
        Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    /// <summary>A spec small enough to cost nothing, run once before the corpus so that no spec's times carry the JIT's.</summary>
    public void WarmUp()
        => Run("warm-up.json", """{"openapi":"3.0.0","info":{"title":"Warm up","version":"1"},"paths":{"/x":{"get":{"operationId":"getX","responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"object","properties":{"a":{"type":"string","maxLength":3}}}}}}}}}}}""");

    public SpecResult Run(string spec) => Run(spec, File.ReadAllText(SpecCatalog.PathOf(spec)));

    private SpecResult Run(string spec, string minified)
    {
        using var document = JsonDocument.Parse(minified);
        var text = SpecCatalog.Reindent(document);
        var result = new SpecResult
        {
            Spec = spec,
            Outcome = Outcome.Accepted,
            OpenApi = SpecCatalog.VersionOf(document.RootElement),
            Bytes = System.Text.Encoding.UTF8.GetByteCount(minified),
            Operations = SpecCatalog.CountOperations(document.RootElement),
        };

        var sourceText = SourceText.From(text, System.Text.Encoding.UTF8);
        var path = "/corpus/" + Path.ChangeExtension(spec, ".openapi.json");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, [new InMemoryAdditionalText(path, sourceText)], ParseOptions);

        var generation = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(_consumer, out var output, out var driverDiagnostics);
        generation.Stop();
        var run = driver.GetRunResult();
        result = result with { SpecLines = sourceText.Lines.Count, GenerationMs = generation.Elapsed.TotalMilliseconds };

        var exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (exception is not null || driverDiagnostics.Any(d => d.Id == "CS8785"))
        {
            return result with
            {
                Outcome = Outcome.Crashed,
                FirstErrors = exception is not null ? [exception.GetType().FullName + ": " + exception.Message] : driverDiagnostics.Where(d => d.Id == "CS8785").Select(d => d.GetMessage()).Take(ErrorsKept).ToList(),
            };
        }

        result = WithGeneratorDiagnostics(result, run.Diagnostics, sourceText, document.RootElement);
        if (result.Errors.Count > 0)
        {
            return result with { Outcome = result.Errors.ContainsKey("OAG011") ? Outcome.Crashed : Outcome.Rejected };
        }

        var sources = run.Results.SelectMany(r => r.GeneratedSources).ToList();
        var clientSources = sources.Where(s => !s.HintName.StartsWith(RuntimeHintPrefix, StringComparison.Ordinal)).ToList();
        result = result with
        {
            GeneratedFiles = sources.Count,
            GeneratedLines = clientSources.Sum(s => s.SourceText.Lines.Count),
            RuntimeLines = sources.Except(clientSources).Sum(s => s.SourceText.Lines.Count),
            Methods = clientSources.Sum(s => CountClientMethods(s.SyntaxTree.GetRoot())),
        };

        // The generated files turn nullable warnings off for consumers; the count below is meant to include them.
        var withWarningsOn = GeneratedNullableContext.WithWarningsOn((CSharpCompilation)output, _consumer.SyntaxTrees.Length);
        var compile = Stopwatch.StartNew();
        var compilerDiagnostics = withWarningsOn.GetDiagnostics();
        compile.Stop();
        var compileErrors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return result with
        {
            CompileMs = compile.Elapsed.TotalMilliseconds,
            CompileDiagnostics = Count(compilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id)),
            Outcome = compileErrors.Count > 0 ? Outcome.Uncompilable : Outcome.Accepted,
            FirstErrors = compileErrors.Take(ErrorsKept).Select(Describe).ToList(),
        };
    }

    private static SpecResult WithGeneratorDiagnostics(SpecResult result, ImmutableArray<Diagnostic> diagnostics, SourceText spec, JsonElement root)
    {
        var lines = new Lazy<IReadOnlyList<string>>(() => spec.Lines.Select(l => l.ToString()).ToList());
        foreach (var diagnostic in diagnostics.Where(d => d.Id == UnsupportedConstructs.DiagnosticId))
        {
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var (kind, reason) = UnsupportedConstructs.Read(message);
            Increment(result.Unsupported, kind);
            result.UnsupportedReasons.TryAdd(kind, reason);
            if (UnsupportedConstructs.IsDroppedBody(kind))
            {
                var mediaTypes = UnsupportedConstructs.MediaTypesAt(lines.Value, diagnostic.Location.GetLineSpan().StartLinePosition.Line, root);
                Increment(result.DroppedBodies, mediaTypes.Count > 0 ? string.Join(", ", mediaTypes) : "?");
            }
            else if (UnsupportedConstructs.IsStatusRange(kind))
            {
                Increment(result.UntypedStatusRanges, UnsupportedConstructs.StatusRangeOf(message));
            }
        }

        foreach (var diagnostic in diagnostics)
        {
            Increment(diagnostic.Severity == DiagnosticSeverity.Error ? result.Errors : result.Warnings, diagnostic.Id);
        }

        result.FirstErrors.AddRange(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(ErrorsKept).Select(Describe));
        return result;
    }

    /// <summary>The methods of the generated client classes: public, returning Task, ValueTask or IAsyncEnumerable.</summary>
    private static int CountClientMethods(SyntaxNode root)
        => root.DescendantNodes(n => n is not MethodDeclarationSyntax)
            .OfType<MethodDeclarationSyntax>()
            .Count(m => m.Parent is ClassDeclarationSyntax
                && m.Modifiers.Any(SyntaxKind.PublicKeyword)
                && AsyncReturnTypes.Contains(ReturnTypeName(m.ReturnType), StringComparer.Ordinal));

    private static string ReturnTypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => ReturnTypeName(qualified.Right),
        AliasQualifiedNameSyntax alias => ReturnTypeName(alias.Name),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>"OAG002 (line 12): message", the line 1-based in the file the diagnostic is in (the spec, or a generated file).</summary>
    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None ? string.Empty
            : $" ({Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1})";
        return diagnostic.Id + where + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SortedDictionary<string, int> Count(IEnumerable<string> keys)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Increment(counts, key);
        }

        return counts;
    }

    private static void Increment(SortedDictionary<string, int> counts, string key)
        => counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed class InMemoryAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
