using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Benchmarks.Shared;

/// <summary>Finds the repository (the folder holding Generator.sln) from wherever the benchmarks run.</summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(Find);

    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The repository's specs, ordered by path as the generator orders them.</summary>
    public static IReadOnlyList<string> SpecPaths()
        => Directory.GetFiles(PathOf("specs"), "*.openapi.yaml").OrderBy(p => p, StringComparer.Ordinal).ToList();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("OPENAPI_BENCHMARKS_REPO") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "Could not find the repository (a folder with Generator.sln) above " + AppContext.BaseDirectory
            + "; set OPENAPI_BENCHMARKS_REPO to its path.");
    }
}
