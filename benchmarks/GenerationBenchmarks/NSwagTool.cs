using System;
using System.Diagnostics;
using System.IO;
using Benchmarks.Shared;

namespace GenerationBenchmarks;

/// <summary>
/// NSwag's command-line tool, from the npm package <c>nswag</c> (its NuGet packages fail at run time here: Parlot 1.5.9
/// is not served). benchmarks/package.json pins the version; the package is installed into benchmarks/node_modules
/// (git-ignored) the first time a benchmark needs it.
/// </summary>
public static class NSwagTool
{
    public const string Version = "14.7.1";

    public static string PackageDirectory => Repo.PathOf("benchmarks");

    /// <summary>The .NET 10 build of the tool and of the libraries it runs.</summary>
    public static string BinaryDirectory => Path.Combine(PackageDirectory, "node_modules", "nswag", "bin", "binaries", "Net100");

    public static string CommandLineDll => Path.Combine(BinaryDirectory, "dotnet-nswag.dll");

    public static bool IsInstalled => File.Exists(CommandLineDll);

    public static string NotInstalledReason
        => "NSwag " + Version + " is not installed in benchmarks/node_modules (run `npm ci` in benchmarks/, or any NSwag benchmark, which installs it).";

    /// <summary>Installs the npm package when it is missing; says plainly what to do when npm is not there.</summary>
    public static void EnsureInstalled()
    {
        if (IsInstalled)
        {
            return;
        }

        Console.WriteLine($"// NSwag {Version} is not in benchmarks/node_modules: installing it with npm (benchmarks/package.json).");
        var lockFile = File.Exists(Path.Combine(PackageDirectory, "package-lock.json"));
        var arguments = (lockFile ? "ci" : "install") + " --no-audit --no-fund";
        int exitCode;
        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", arguments) { WorkingDirectory = PackageDirectory, UseShellExecute = false })
                ?? throw new InvalidOperationException("npm did not start.");
            npm.WaitForExit();
            exitCode = npm.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                "The NSwag benchmarks need NSwag's command-line tool, which comes from the npm package nswag@" + Version
                + ", but npm is not on PATH (" + exception.Message + "). Install Node.js and npm (on Debian: apt-get install -y npm), "
                + "then run the benchmarks again, or run `npm ci` in benchmarks/ yourself. The other benchmarks do not need it: "
                + "leave the NSwag ones out with --filter.",
                exception);
        }

        if (exitCode != 0 || !IsInstalled)
        {
            throw new InvalidOperationException($"`npm {arguments}` in {PackageDirectory} failed (exit code {exitCode}); {CommandLineDll} is still missing.");
        }
    }

    /// <summary>The arguments that make the tool write a C# client for <paramref name="specPath"/>; it reads YAML itself (by the file's extension).</summary>
    public static string ClientArguments(string specPath, string outputPath)
        => $"\"{CommandLineDll}\" openapi2csclient \"/input:{specPath}\" \"/output:{outputPath}\" /namespace:Consumer";
}
