using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Basic.Reference.Assemblies;
using Benchmarks.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGenerator;

namespace GenerationBenchmarks;

/// <summary>
/// The generator over a set of specs, the way the compiler drives it: specs as AdditionalFiles, a consumer compilation,
/// a <see cref="CSharpGeneratorDriver"/>.
/// </summary>
public sealed class GeneratorWorkload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly OptionsProvider _options;

    public GeneratorWorkload(IEnumerable<(string Path, string Text)> specs, IEnumerable<MetadataReference> references)
    {
        Specs = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        Compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }", ParseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        _options = new OptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });
    }

    public ImmutableArray<AdditionalText> Specs { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The three repository specs over the .NET 8 reference assemblies, as the generator tests use them.</summary>
    public static GeneratorWorkload FromRepository()
        => new(Repo.SpecPaths().Select(p => (p, File.ReadAllText(p))), Net80.References.All);

    public GeneratorDriver CreateDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            Specs,
            ParseOptions,
            _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// A copy of <paramref name="spec"/> with every one-line description changed (block and quoted ones are left as they
    /// are, so the YAML stays valid): what a user's edit of a spec looks like to the generator.
    /// </summary>
    public static AdditionalText Edited(AdditionalText spec)
        => new InMemoryAdditionalText(spec.Path, OneLineDescription.Replace(spec.GetText()!.ToString(), "${key}Edited. ${first}"));

    private static readonly Regex OneLineDescription = new(@"(?<key>\bdescription: )(?<first>[^>|'""\s])", RegexOptions.CultureInvariant);

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, string> globalOptions) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globalOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;

        private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value)
            {
                if (values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
