using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Benchmarks.Shared;

namespace GenerationBenchmarks;

/// <summary>
/// Whole processes, as a user meets them: <c>dotnet GenerationBenchmarks.dll --host …</c> (the generator over the specs)
/// against <c>dotnet dotnet-nswag.dll openapi2csclient …</c> (NSwag, one spec per process), started alternately, each
/// timed from start to exit with a <see cref="Stopwatch"/>. Both pay for starting .NET and JIT-compiling their code.
/// </summary>
public static class ProcessComparison
{
    public static int Run(int runs)
    {
        NSwagTool.EnsureInstalled();
        var hostDll = typeof(Program).Assembly.Location;
        var specs = Repo.SpecPaths();
        var output = Path.Combine(Path.GetTempPath(), "openapi-generator-benchmarks-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(output);
        try
        {
            Console.WriteLine($"Whole-process comparison: {runs} runs of each command, alternating, after one warm-up run each.");
            Console.WriteLine();
            Console.WriteLine("| specs | our generator, one process: median (min) ms | NSwag 14.7.1 CLI: median (min) ms | NSwag / ours (medians) |");
            Console.WriteLine("|---|---:|---:|---:|");
            var oursAll = new List<double>();
            var nswagAll = new List<double>();
            foreach (var spec in specs)
            {
                var name = Path.GetFileName(spec);
                var ours = Command("dotnet", $"\"{hostDll}\" --host \"{Path.Combine(output, "ours-" + name)}\" \"{spec}\"");
                var nswag = Command("dotnet", NSwagTool.ClientArguments(spec, Path.Combine(output, "nswag-" + name + ".cs")));
                var (oursTimes, nswagTimes) = Alternate(ours, nswag, runs);
                Row(name, oursTimes, nswagTimes);
            }

            // All three specs: our generator takes them in one process, as a build does; NSwag's tool takes one document
            // per run, so it runs three times in a row.
            var oursThree = Command("dotnet", $"\"{hostDll}\" --host \"{Path.Combine(output, "ours-all")}\" " + string.Join(" ", specs.Select(s => $"\"{s}\"")));
            var nswagThree = specs.Select(s => Command("dotnet", NSwagTool.ClientArguments(s, Path.Combine(output, "nswag-all-" + Path.GetFileName(s) + ".cs")))).ToList();
            Time(oursThree);
            nswagThree.ForEach(c => Time(c));
            for (var i = 0; i < runs; i++)
            {
                oursAll.Add(Time(oursThree));
                nswagAll.Add(nswagThree.Sum(Time));
            }

            Row("all three (ours: 1 process; NSwag: 3)", oursAll, nswagAll);
            return 0;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static (List<double> First, List<double> Second) Alternate(ProcessStartInfo first, ProcessStartInfo second, int runs)
    {
        Time(first);
        Time(second);
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            a.Add(Time(first));
            b.Add(Time(second));
        }

        return (a, b);
    }

    private static void Row(string name, List<double> ours, List<double> nswag)
        => Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {Median(ours):F0} ({ours.Min():F0}) | {Median(nswag):F0} ({nswag.Min():F0}) | {Median(nswag) / Median(ours):F2} |"));

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static ProcessStartInfo Command(string fileName, string arguments)
        => new(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

    /// <summary>Wall time from start to exit, in milliseconds; a failed run stops the comparison.</summary>
    private static double Time(ProcessStartInfo command)
    {
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(command) ?? throw new InvalidOperationException("Could not start " + command.FileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command.FileName} {command.Arguments}` failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }
}
