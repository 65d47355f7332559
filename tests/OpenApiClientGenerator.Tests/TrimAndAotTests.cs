using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>Generated code reads and writes JSON itself, so trimming and Native AOT have nothing to warn about.</summary>
public sealed class TrimAndAotTests
{
    [Fact]
    public async Task Generated_code_causes_no_trim_or_aot_warnings()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs());

        var diagnostics = await AnalyzeAsync(run.Compilation);

        var trimOrAot = diagnostics.Where(d => d.Id.StartsWith("IL", StringComparison.Ordinal)).Select(d => d.ToString()).ToList();
        Assert.True(trimOrAot.Count == 0, string.Join(Environment.NewLine, trimOrAot));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001"); // the analyzers really ran
    }

    /// <summary>Proves the analyzers report what they should, so the test above cannot pass by analysing nothing.</summary>
    [Fact]
    public async Task The_analyzers_flag_reflection_based_serialization()
    {
        var compilation = GeneratorHarness.CreateCompilation(
            "public static class Uses { public static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value); }");

        var diagnostics = await AnalyzeAsync(compilation);

        Assert.Contains(diagnostics, d => d.Id is "IL2026" or "IL3050");
    }

    /// <summary>Runs the SDK's ILLink analyzers as a project with IsAotCompatible does.</summary>
    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var analyzerPath = typeof(TrimAndAotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ILLinkAnalyzerPath").Value!;
        var analyzers = new AnalyzerFileReference(analyzerPath, new AnalyzerAssemblyLoader()).GetAnalyzers(LanguageNames.CSharp);
        Assert.NotEmpty(analyzers);
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new GlobalOptionsProvider(new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.EnableTrimAnalyzer"] = "true",
                ["build_property.EnableAotAnalyzer"] = "true",
                ["build_property.EnableSingleFileAnalyzer"] = "true",
                ["build_property.IsAotCompatible"] = "true",
            }));
        return compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class AnalyzerAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
