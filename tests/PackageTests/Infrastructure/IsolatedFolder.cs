using System;
using System.IO;

namespace PackageTests.Infrastructure;

/// <summary>A new folder under the machine's temp folder for the projects a test creates, deleted afterwards.</summary>
internal static class IsolatedFolder
{
    /// <summary>
    /// Creates the folder, and stops MSBuild's and NuGet's upward searches in it: no Directory.Build.* or central package
    /// versions of the machine's temp folder apply to the projects under it.
    /// </summary>
    public static string Create(string prefix)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        return root;
    }

    /// <summary>Deletes the folder, unless OAG_KEEP_PACKAGE_TESTS=1 asks to keep it for a look.</summary>
    public static void Delete(string root)
    {
        if (Environment.GetEnvironmentVariable("OAG_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans its temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
