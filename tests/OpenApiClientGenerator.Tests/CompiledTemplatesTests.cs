using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Emitting;
using OpenApiClientGenerator.TemplateCompiler;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// The embedded templates render through C# compiled from them (generator/Emitting/Compiled): that C# must be what the
/// template compiler writes from the templates as they are, and it must write exactly the text Scriban renders from them.
/// </summary>
public sealed class CompiledTemplatesTests
{
    /// <summary>Declares what makes the generator emit the DI extensions (ServiceCollection.sbncs) and, lacking every compiler-support type, the polyfills.</summary>
    private static readonly string[] EveryTemplateCompilation =
        ["namespace Microsoft.Extensions.DependencyInjection { public static class HttpClientFactoryServiceCollectionExtensions { } }"];

    public static TheoryData<string> Specs()
        => new(Directory.GetFiles(Repository.PathOf("specs"), "*.openapi.yaml")
            .Concat(Directory.GetFiles(Repository.PathOf("output-samples", "snapshots"), "*.openapi.yaml", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal));

    [Fact]
    public void The_checked_in_compiled_templates_are_what_the_compiler_writes_from_the_templates()
    {
        var templates = Directory.GetFiles(Repository.PathOf("templates"), "*.sbncs")
            .ToDictionary(p => Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);
        var folder = Repository.PathOf(CompilerPaths.CompiledFolder);

        var expected = CompiledSources.Write(templates).ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal);
        var actual = Directory.GetFiles(folder, "*.g.cs").ToDictionary(p => Path.GetFileName(p), p => File.ReadAllText(p).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparer.Ordinal);

        var stale = expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
            .Where(name => !expected.TryGetValue(name, out var e) || !actual.TryGetValue(name, out var a) || e != a)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        Assert.True(stale.Count == 0, $"{CompilerPaths.CompiledFolder} is stale ({string.Join(", ", stale)}): run `{CompilerPaths.RegenerateCommand}` and commit the result.");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_embedded_template_renders_the_same_text_compiled_as_through_Scriban(string spec)
    {
        AdditionalText[] files = [new InMemoryAdditionalText(Repository.PathOf(spec), File.ReadAllText(Repository.PathOf(spec)))];

        var compiled = Generate(files);
        IReadOnlyList<(string HintName, string Text)> scriban;
        using (TemplateRenderer.RenderEmbeddedWithScriban())
        {
            scriban = Generate(files);
        }

        Assert.NotEmpty(compiled);
        Assert.Contains(compiled, s => s.HintName == "OpenApiClientGenerator.Polyfills.g.cs");
        Assert.True(!spec.StartsWith("specs/", StringComparison.Ordinal) || compiled.Any(s => s.HintName.EndsWith(".ServiceCollection.g.cs", StringComparison.Ordinal)));
        Assert.Equal(scriban, compiled);
    }

    /// <summary>
    /// With a template of the user's, Scriban renders with auto-indent on (<see cref="TemplateRenderer"/>), and the
    /// embedded templates it does not override render compiled: they must give the text Scriban gave them with it on.
    /// </summary>
    [Theory]
    [MemberData(nameof(Specs))]
    public void With_another_template_overridden_the_compiled_templates_render_what_Scriban_renders_with_auto_indent(string spec)
    {
        const string PolyfillsHint = "OpenApiClientGenerator.Polyfills.g.cs";
        AdditionalText[] files =
        [
            new InMemoryAdditionalText(Repository.PathOf(spec), File.ReadAllText(Repository.PathOf(spec))),
            new InMemoryAdditionalText("/project/templates/Polyfills.sbncs", "// the user's polyfills\n"),
        ];

        var compiled = Generate(files);
        IReadOnlyList<(string HintName, string Text)> scriban;
        using (TemplateRenderer.RenderEmbeddedWithScriban())
        {
            scriban = Generate(files);
        }

        Assert.Contains(compiled, s => s.HintName == PolyfillsHint && s.Text == "// the user's polyfills\n");
        Assert.Equal(scriban, compiled);
    }

    [Fact]
    public void A_template_construct_the_compiler_does_not_support_fails_the_compiler()
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal) { ["Loop.sbncs"] = "{{ while true }}x{{ end }}" };

        var failure = Assert.Throws<TemplateCompilerException>(() => CompiledSources.Write(templates));

        Assert.Contains("does not support ScriptWhileStatement", failure.Message, StringComparison.Ordinal);
    }

    private static List<(string HintName, string Text)> Generate(AdditionalText[] files)
    {
        var compilation = CSharpCompilation.Create("Consumer", EveryTemplateCompilation.Select(s => CSharpSyntaxTree.ParseText(s, GeneratorDrivers.ParseOptions)));
        var result = GeneratorHarness.CreateDriver(files).RunGenerators(compilation).GetRunResult();
        Assert.Empty(result.Diagnostics);
        return result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();
    }
}
