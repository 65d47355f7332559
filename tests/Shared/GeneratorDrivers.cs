using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.Testing;

/// <summary>The generator driven the way the compiler drives it: specs as AdditionalFiles, a <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorDrivers
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static GeneratorDriver Create(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string> globalOptions, bool trackSteps)
        => CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            new GlobalOptionsProvider(globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
