using System;
using System.IO;

namespace Benchmarks.Tests;

internal static class TestRepo
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Generator.sln above " + AppContext.BaseDirectory);
    }
}
