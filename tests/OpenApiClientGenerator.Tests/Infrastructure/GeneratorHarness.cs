using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>Runs the generator in process over specs given as AdditionalFiles, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, GeneratorDrivers.ParseOptions)),
            Net80.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globalOptions = null, bool trackSteps = true, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null)
        => GeneratorDrivers.Create(files, globalOptions ?? new Dictionary<string, string>(), trackSteps, fileOptions);

    /// <summary>
    /// Generates, then compiles the output with nullable warnings on (<see cref="GeneratedNullableContext.WithWarningsOn"/>):
    /// the generated files' header turns them off for consumers, not for the tests.
    /// </summary>
    /// <param name="fileOptions">Item metadata (<c>build_metadata.AdditionalFiles.*</c>) by file path.</param>
    public static GeneratorRun Run(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globalOptions = null, CSharpCompilation? compilation = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null)
    {
        compilation ??= CreateCompilation("namespace Consumer { internal static class Marker { } }");
        var driver = CreateDriver(files, globalOptions, fileOptions: fileOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, GeneratedNullableContext.WithWarningsOn((CSharpCompilation)output, compilation.SyntaxTrees.Length), generatorDiagnostics);
    }

    public static GeneratorRun RunSpecs(params (string Path, string Text)[] specs)
        => Run(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)));

    public static IEnumerable<AdditionalText> RepositorySpecs()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "specs"), "*.openapi.yaml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)));
}

internal sealed record GeneratorRun(GeneratorDriver Driver, CSharpCompilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyList<Diagnostic> CompilationProblems()
        => Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    /// <summary>The text of every models file (one per schema group), in the order they were generated.</summary>
    public string ModelsText(string clientName)
        => string.Concat(Sources.Where(s => s.HintName.StartsWith(clientName + ".Models.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));

    /// <summary>
    /// The text of the client: the file of its shared members, those of the error readers and headers records its
    /// operations share, then those of its operations (one per tag), in the order they were generated.
    /// </summary>
    public string ClientText(string clientName)
        => string.Concat(Sources
            .Where(s => s.HintName is var name && (name == clientName + ".g.cs" || name == clientName + ".Errors.g.cs" || name == clientName + ".Headers.g.cs" || name.StartsWith(clientName + ".Operations.", StringComparison.Ordinal)))
            .Select(s => s.SourceText.ToString()));
}
