using System;
using System.IO;

namespace OpenApiClientGenerator.Testing;

/// <summary>Finds files of the repository the tests run from; every test project links this one file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (no Generator.sln above " + AppContext.BaseDirectory + ").");
    }
}
