using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Benchmarks.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenerationBenchmarks;

/// <summary>
/// The generator over a set of specs, the way the compiler drives it: specs as AdditionalFiles, a consumer compilation,
/// a <see cref="CSharpGeneratorDriver"/>.
/// </summary>
public sealed class GeneratorWorkload
{
    private static readonly Dictionary<string, string> GlobalOptions = new() { ["build_property.RootNamespace"] = "Consumer" };

    public GeneratorWorkload(IEnumerable<(string Path, string Text)> specs, IEnumerable<MetadataReference> references)
    {
        Specs = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        Compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }", GeneratorDrivers.ParseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
    }

    public ImmutableArray<AdditionalText> Specs { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The three repository specs over the .NET 8 reference assemblies, as the generator tests use them.</summary>
    public static GeneratorWorkload FromRepository()
        => new(Repo.SpecPaths().Select(p => (p, File.ReadAllText(p))), Net80.References.All);

    /// <summary>
    /// One spec: a file's path, or the short name of one of <see cref="Scale.ScaleSpecs.Large"/> (GitHub's, Stripe's,
    /// Kubernetes'), re-indented as the scale run reads it and named <c>NAME.openapi.json</c>.
    /// </summary>
    public static GeneratorWorkload FromSpec(string pathOrName)
    {
        var large = Scale.ScaleSpecs.Large.FirstOrDefault(s => s.Name.Equals(pathOrName, StringComparison.OrdinalIgnoreCase));
        var spec = large is null
            ? (Path.GetFullPath(pathOrName), File.ReadAllText(pathOrName))
            : (Path.GetFullPath(large.Name + ".openapi.json"), Scale.ScaleSpecs.Read(large));
        return new([spec], Net80.References.All);
    }

    /// <param name="fileOptions">Each spec's item metadata, by its path; none when null.</param>
    public GeneratorDriver CreateDriver(bool trackSteps = false, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null)
        => GeneratorDrivers.Create(Specs, GlobalOptions, trackSteps, fileOptions);

    /// <summary>A copy of <paramref name="spec"/> with its one-line descriptions edited: what a user's edit of a spec looks like to the generator.</summary>
    public static AdditionalText Edited(AdditionalText spec)
        => new InMemoryAdditionalText(spec.Path, SpecEdits.EditDescriptions(spec.GetText()!.ToString()));
}
