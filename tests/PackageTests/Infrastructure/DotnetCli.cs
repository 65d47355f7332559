using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PackageTests.Infrastructure;

/// <summary>What one <c>dotnet</c> command did.</summary>
public sealed record DotnetResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string StandardOutput, string StandardError)
{
    private static readonly Regex WarningPattern = new(@"\bwarning [A-Z]{2,}[0-9]+", RegexOptions.CultureInvariant);

    public bool Succeeded => !TimedOut && ExitCode == 0;

    public IReadOnlyList<string> WarningLines => (StandardOutput + "\n" + StandardError)
        .Split('\n')
        .Where(line => WarningPattern.IsMatch(line))
        .Select(line => line.Trim())
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public void AssertSucceeded()
        => Assert.True(Succeeded, Describe(TimedOut ? "timed out" : "failed"));

    /// <summary>Succeeded, and not one warning line in the output (on top of -warnaserror, which stops at the first).</summary>
    public void AssertSucceededWithoutWarnings()
    {
        AssertSucceeded();
        Assert.True(WarningLines.Count == 0, Describe("reported warnings:" + Environment.NewLine + string.Join(Environment.NewLine, WarningLines)));
    }

    public string Describe(string what)
    {
        var text = new StringBuilder()
            .AppendLine($"`{CommandLine}` in {WorkingDirectory} {what} (exit code {ExitCode}, {Elapsed.TotalSeconds:F1} s).")
            .AppendLine("--- stdout ---")
            .AppendLine(Tail(StandardOutput))
            .AppendLine("--- stderr ---")
            .AppendLine(Tail(StandardError));
        return text.ToString();
    }

    private static string Tail(string text) => text.Length <= 30_000 ? text : "…" + text[^30_000..];
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a timeout, its output captured. No MSBuild node reuse and no
/// compiler server: nothing outlives the command (or holds its output pipes open), and the compiler loads the
/// analyzer from the package that was just restored rather than a copy a long-lived server already holds.
/// </summary>
internal static class DotnetCli
{
    private static readonly string Executable = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static DotnetResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        => RunExecutable(Executable, workingDirectory, timeout, environment, arguments);

    /// <summary>Runs another <c>dotnet</c> muxer (a .NET install of the compiler-host tests) the same way.</summary>
    public static DotnetResult RunExecutable(string executable, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables must not leak into an unrelated build.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var commandLine = (executable == Executable ? "dotnet" : executable) + " " + string.Join(" ", arguments);
        var output = new StringBuilder();
        var error = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExit(timeout);
        if (exited)
        {
            // The timed overload returns before the asynchronous readers have seen the end of the output; this one waits
            // for them, or the output of a process that printed just before it exited can be missing.
            process.WaitForExit();
        }
        else
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        stopwatch.Stop();
        lock (output)
        lock (error)
        {
            return new DotnetResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, !exited, stopwatch.Elapsed, output.ToString(), error.ToString());
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
