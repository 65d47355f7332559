using System;
using System.IO;
using System.Linq;
using Benchmarks.Shared;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// Kiota's command-line generator, the dotnet tool <c>Microsoft.OpenApi.Kiota</c>, installed the first time it is needed
/// into benchmarks/.tools/ (git-ignored) with <c>dotnet tool install --tool-path</c>, and run offline
/// (<c>KIOTA_OFFLINE_ENABLED=true</c>: no look-up of its own updates or manifests).
/// </summary>
public static class KiotaTool
{
    public const string Version = "1.38.0";

    public static string ToolDirectory => Repo.PathOf("benchmarks", ".tools", "kiota-" + Version);

    public static string Executable => Path.Combine(ToolDirectory, OperatingSystem.IsWindows() ? "kiota.exe" : "kiota");

    public static void EnsureInstalled()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        Console.WriteLine($"// Kiota {Version} is not in {ToolDirectory}: installing the dotnet tool Microsoft.OpenApi.Kiota.");
        var install = TimedProcess.Run(Repo.Root, "dotnet", ["tool", "install", "--tool-path", ToolDirectory, "Microsoft.OpenApi.Kiota", "--version", Version]);
        if (!install.Succeeded || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"`dotnet tool install Microsoft.OpenApi.Kiota --version {Version}` failed:\n{install.Tail()}");
        }
    }

    /// <summary>Generates the C# client for <paramref name="specPath"/> into <paramref name="outputDirectory"/>, under GNU time.</summary>
    public static ProcessCost Generate(string specPath, string outputDirectory, string clientName)
        => TimedProcess.Run(
            Path.GetDirectoryName(outputDirectory)!,
            Executable,
            ["generate", "-l", "CSharp", "-d", specPath, "-o", outputDirectory, "-c", clientName, "-n", "Consumer." + clientName, "--log-level", "Error"],
            new System.Collections.Generic.Dictionary<string, string> { ["KIOTA_OFFLINE_ENABLED"] = "true" });

    /// <summary>The lines and files of C# that Kiota wrote.</summary>
    public static (long Lines, int Files) Measure(string outputDirectory)
    {
        var files = Directory.GetFiles(outputDirectory, "*.cs", SearchOption.AllDirectories);
        return (files.Sum(f => (long)File.ReadLines(f).Count()), files.Length);
    }
}
