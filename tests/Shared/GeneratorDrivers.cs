using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.Testing;

/// <summary>The generator driven the way the compiler drives it: specs as AdditionalFiles, a <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorDrivers
{
    /// <summary>
    /// The harness compiles against .NET 8's reference assemblies, so it defines the symbols a .NET 8 project defines: the
    /// generated runtime picks its <c>#if</c> branches by them, as it does in a user's project.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        preprocessorSymbols: ["NET", "NET8_0", "NETCOREAPP", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER"]);

    /// <param name="fileOptions">Item metadata (<c>build_metadata.AdditionalFiles.*</c>) by file path, for the files that have some.</param>
    public static GeneratorDriver Create(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string> globalOptions, bool trackSteps, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null)
        => CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            new GlobalOptionsProvider(globalOptions, fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
