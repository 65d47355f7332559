using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Benchmarks.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorpusRunner;

/// <summary>
/// The generator as users get it: <c>dotnet pack</c> of generator/OpenApiClientGenerator.csproj, whose
/// <c>analyzers/dotnet/cs</c> folder (the generator and the libraries it carries) is loaded the way the compiler loads
/// an analyzer: an <see cref="AnalyzerFileReference"/> over a load context of its own, which takes the analyzer's
/// libraries from its folder and Roslyn and the framework from the host. So the corpus measures the package's
/// contents, and a library missing from the package fails here as it would in a user's build.
/// </summary>
public static class GeneratorPackage
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    private const string GeneratorFile = "OpenApiClientGenerator.dll";

    /// <summary>Packs the repository's generator (Release) into <paramref name="feed"/> and returns the package's path.</summary>
    public static string Pack(string feed)
    {
        var project = Repo.PathOf("generator", "OpenApiClientGenerator.csproj");
        var start = new ProcessStartInfo("dotnet", $"pack \"{project}\" -c Release -o \"{feed}\" -nologo -v q") { UseShellExecute = false };
        using var dotnet = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        dotnet.WaitForExit();
        var package = System.IO.Directory.Exists(feed) ? System.IO.Directory.GetFiles(feed, "OpenApiClientGenerator.*.nupkg").SingleOrDefault() : null;
        if (dotnet.ExitCode != 0 || package is null)
        {
            throw new InvalidOperationException($"`dotnet pack {project}` failed (exit code {dotnet.ExitCode}).");
        }

        return package;
    }

    /// <summary>Extracts the package's analyzer folder into <paramref name="directory"/> and returns it.</summary>
    public static string ExtractAnalyzers(string package, string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        using var archive = ZipFile.OpenRead(package);
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            entry.ExtractToFile(Path.Combine(directory, entry.Name), overwrite: true);
        }

        if (!File.Exists(Path.Combine(directory, GeneratorFile)))
        {
            throw new InvalidOperationException($"{package} has no {AnalyzerFolder}{GeneratorFile}.");
        }

        return directory;
    }

    /// <summary>The generators of the analyzer folder <paramref name="directory"/>, loaded as the compiler loads them.</summary>
    public static ImmutableArray<ISourceGenerator> Load(string directory)
    {
        var reference = new AnalyzerFileReference(Path.Combine(directory, GeneratorFile), new FolderAssemblyLoader(directory));
        string? failure = null;
        reference.AnalyzerLoadFailed += (_, e) => failure = e.Message + (e.Exception is null ? string.Empty : ": " + e.Exception.Message);
        var generators = reference.GetGenerators(LanguageNames.CSharp);
        if (generators.IsEmpty)
        {
            throw new InvalidOperationException($"No source generator in {reference.FullPath}: {failure ?? "none found"}.");
        }

        return generators;
    }

    private sealed class FolderAssemblyLoader(string directory) : IAnalyzerAssemblyLoader
    {
        private readonly FolderLoadContext _context = new(directory);

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }

    /// <summary>
    /// The analyzer's own libraries from its folder; Roslyn and the framework, whose types the host and the analyzer
    /// share (an <c>ImmutableArray</c> crosses between them), always from the host, even when the folder holds a copy.
    /// </summary>
    private sealed class FolderLoadContext(string directory) : AssemblyLoadContext("OpenApiClientGenerator analyzer")
    {
        private static readonly string[] HostPrefixes = ["Microsoft.CodeAnalysis", "System.", "netstandard", "mscorlib"];

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? string.Empty;
            var path = Path.Combine(directory, name + ".dll");
            return File.Exists(path) && !HostPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
