using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// What one command cost: wall time from start to exit, processor time (user and kernel, of the process and every
/// descendant it waited for), and the peak resident memory of the largest process in its tree.
/// </summary>
public sealed record ProcessCost(double WallMs, double? CpuMs, double? PeakMiB, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines of the command's output, for a failure's message.</summary>
    public string Tail(int lines = 15) => string.Join('\n', Output.Split('\n').TakeLast(lines));
}

/// <summary>
/// Runs a command under GNU time (<c>/usr/bin/time -f "%M %U %S"</c>), which reports the processor time of the process
/// and its waited-for descendants, and the largest maximum resident set size among
/// the process and every descendant it waited for: for <c>dotnet build -p:UseSharedCompilation=false</c>, that is the
/// compiler (csc runs as a child process of MSBuild rather than in a compiler server), unless MSBuild itself is larger.
/// </summary>
public static class TimedProcess
{
    public const string GnuTime = "/usr/bin/time";

    public static bool HasGnuTime => File.Exists(GnuTime);

    public static ProcessCost Run(string workingDirectory, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var peakFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(HasGnuTime ? GnuTime : fileName)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (HasGnuTime)
            {
                foreach (var argument in new[] { "-f", "%M %U %S", "-o", peakFile, fileName })
                {
                    start.ArgumentList.Add(argument);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + fileName);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(30)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ProcessCost(stopwatch.Elapsed.TotalMilliseconds, null, null, -1, $"timed out after {timeout ?? TimeSpan.FromMinutes(30)}\n{stdout.Result}\n{stderr.Result}");
            }

            stopwatch.Stop();
            var figures = (HasGnuTime ? File.ReadAllLines(peakFile).LastOrDefault() ?? string.Empty : string.Empty).Split(' ')
                .Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : (double?)null)
                .ToList();
            var peak = figures.Count == 3 ? figures[0] / 1024.0 : null;
            var cpu = figures.Count == 3 ? (figures[1] + figures[2]) * 1000.0 : null;
            return new ProcessCost(stopwatch.Elapsed.TotalMilliseconds, cpu, peak, process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(peakFile);
        }
    }
}
