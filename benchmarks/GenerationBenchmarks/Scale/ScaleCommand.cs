using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Benchmarks.Shared;

namespace GenerationBenchmarks.Scale;

/// <summary>One large spec's figures: ours in process, ours as a process and in a consumer build, and Kiota's.</summary>
public sealed record LargeSpecResult
{
    public required LargeSpec Spec { get; init; }
    public double? LoadAverage { get; init; }
    public SpecFigures? InProcess { get; init; }
    public string? InProcessFailure { get; init; }

    /// <summary>
    /// The floor, cold run and edits again under the server collector (<c>--server-gc</c>), the one csc and the compiler
    /// server run with (<c>System.GC.Server: true</c> in the SDK's <c>csc.runtimeconfig.json</c> and
    /// <c>VBCSCompiler.runtimeconfig.json</c>); the compiler server keeps a project's ran driver between builds, so a
    /// command-line build's re-run runs under it. The default figures (<see cref="InProcess"/>) are the workstation
    /// collector's.
    /// </summary>
    public SpecFigures? InProcessServerGc { get; init; }

    public string? InProcessServerGcFailure { get; init; }
    public ProcessCost? HostProcess { get; init; }
    public ProcessCost? OurBuild { get; init; }
    public ProcessCost? KiotaGeneration { get; init; }
    public long KiotaLines { get; init; }
    public int KiotaFiles { get; init; }
    public ProcessCost? KiotaBuild { get; init; }

    /// <summary>Gets whether <see cref="OurBuild"/> and <see cref="KiotaBuild"/> were started together (both built in this run).</summary>
    public bool BuildsStartedTogether { get; init; }
}

/// <summary>One size of the sweep.</summary>
public sealed record SweepPoint(int Operations, double? LoadAverage, SpecFigures? Figures, string? Failure);

/// <summary>Everything one scale run measured, with what it ran on.</summary>
public sealed record ScaleResults
{
    public required string Command { get; init; }
    public required string Started { get; init; }
    public string? Finished { get; init; }
    public double Minutes { get; init; }
    public required string Commit { get; init; }
    public required IReadOnlyList<(string Name, string Value)> Machine { get; init; }
    public string Load { get; init; } = "n/a";
    public List<LargeSpecResult> Large { get; init; } = [];
    public List<SweepPoint> Sweep { get; init; } = [];
}

/// <summary>
/// <c>--scale [--specs github,stripe,kubernetes] [--kiota github,stripe] [--sizes 10,30,100,300,1000,3000] [--repeat N]
/// [--no-kiota] [--no-builds] [--no-nswag] [--no-compile] [--server-gc] [--parallel] [--out DIRECTORY] [--keep]</c> (<c>none</c> as a list leaves that part out;
/// <c>--server-gc</c> measures the large specs in process a second time under the server collector, see
/// <see cref="LargeSpecResult.InProcessServerGc"/>;
/// <c>--parallel</c> runs the sweep beside the large specs rather than after them, which halves the wall time of a run on
/// a machine that other work keeps busy anyway, and perturbs wall times more than processor times): the scale benchmarks of issue "scale", in one run, so that
/// every ratio compares figures measured minutes apart on the same loaded machine. For each large spec: the in-process
/// figures of <see cref="SpecMeasurement"/> (floor, cold run, edits, NSwag), our generator as a process, a consumer
/// build with the packed generator, and Kiota's generation and consumer build. Then the size sweep over
/// <see cref="SyntheticSpec"/>. Writes <c>RESULTS.md</c>, <c>results.json</c> and <c>sweep.svg</c> into
/// benchmarks/scale/ (or <c>--out</c>).
/// </summary>
public static class ScaleCommand
{
    public static readonly int[] DefaultSizes = [10, 30, 100, 300, 1000, 3000];

    public static int Run(string[] args)
    {
        var specs = ListOption(args, "--specs", ScaleSpecs.Large.Select(s => s.Name)).Select(n => ScaleSpecs.Large.Single(s => s.Name == n)).ToList();
        var kiotaSpecs = args.Contains("--no-kiota") ? [] : ListOption(args, "--kiota", ["github", "stripe"]).ToHashSet(StringComparer.Ordinal);
        var sizes = ListOption(args, "--sizes", DefaultSizes.Select(s => s.ToString(CultureInfo.InvariantCulture))).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var builds = !args.Contains("--no-builds");
        var nswag = !args.Contains("--no-nswag");
        var compile = !args.Contains("--no-compile");
        var serverGc = args.Contains("--server-gc");
        var parallel = args.Contains("--parallel");
        var output = Path.GetFullPath(Option(args, "--out") ?? Repo.PathOf("benchmarks", "scale"));
        var clock = Stopwatch.StartNew();
        var load = new MachineLoad();
        load.Sample();

        if (specs.Count > 0 && !Directory.Exists(ScaleSpecs.DirectoryRoot))
        {
            NSwagTool.EnsureInstalled();
        }

        if (kiotaSpecs.Count > 0)
        {
            KiotaTool.EnsureInstalled();
        }

        var work = Directory.CreateTempSubdirectory("scale-benchmark-").FullName;
        var results = new ScaleResults
        {
            Command = "dotnet run -c Release --project benchmarks/GenerationBenchmarks -- --scale" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty),
            Started = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            Commit = Git("rev-parse --short HEAD") + (Git("status --porcelain -- . :!benchmarks/scale").Length > 0 ? " (with uncommitted changes)" : string.Empty),
            Machine = ScaleReport.DescribeMachine(),
        };
        Directory.CreateDirectory(output);
        try
        {
            var consumers = new ConsumerBuilds(work);
            if (builds && specs.Count > 0)
            {
                Log("packing the generator");
                var pack = consumers.Pack();
                if (!pack.Succeeded)
                {
                    Console.Error.WriteLine("dotnet pack failed:\n" + pack.Tail());
                    return 1;
                }
            }

            Directory.CreateDirectory(Path.Combine(work, "specs"));
            var sweep = System.Threading.Tasks.Task.Run(() =>
            {
                if (parallel)
                {
                    RunSweep(sizes, work, compile, load, results, output);
                }
            });
            foreach (var spec in specs)
            {
                var large = RunLarge(spec, work, consumers, repeat, builds, nswag, serverGc, kiotaSpecs.Contains(spec.Name), load);
                lock (results)
                {
                    results.Large.Add(large);
                    Save(results, output);
                }
            }

            sweep.Wait();
            if (!parallel)
            {
                RunSweep(sizes, work, compile, load, results, output);
            }

            load.Sample();
            var finished = results with
            {
                Finished = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                Minutes = clock.Elapsed.TotalMinutes,
                Load = load.Summary,
            };
            Save(finished, output);
            Log($"done in {clock.Elapsed.TotalMinutes:F1} min: {Path.Combine(output, "RESULTS.md")}");
            return 0;
        }
        finally
        {
            if (args.Contains("--keep"))
            {
                Log("kept " + work);
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static LargeSpecResult RunLarge(LargeSpec spec, string work, ConsumerBuilds consumers, int repeat, bool builds, bool nswag, bool serverGc, bool kiota, MachineLoad load)
    {
        var specPath = Path.Combine(work, "specs", spec.Name + ".openapi.json");
        File.WriteAllText(specPath, ScaleSpecs.Read(spec));
        var result = new LargeSpecResult { Spec = spec, LoadAverage = load.Sample() };

        Log($"{spec.Name}: in process (floor, cold run, edits{(nswag ? ", NSwag" : string.Empty)}), {repeat} runs each");
        var (figures, failure) = MeasureInChild(specPath, ["--repeat", repeat.ToString(CultureInfo.InvariantCulture), "--edits", .. nswag ? new[] { "--nswag" } : []]);
        result = result with { InProcess = figures, InProcessFailure = failure };
        if (serverGc)
        {
            Log($"{spec.Name}: in process again under the server collector (floor, cold run, edits), {repeat} runs each");
            var (serverFigures, serverFailure) = MeasureInChild(specPath, ["--repeat", repeat.ToString(CultureInfo.InvariantCulture), "--edits"], ServerCollector);
            result = result with { InProcessServerGc = serverFigures, InProcessServerGcFailure = serverFailure };
        }

        Log($"{spec.Name}: our generator as a process");
        result = result with { HostProcess = TimedProcess.Run(work, "dotnet", [typeof(Program).Assembly.Location, "--host", Path.Combine(work, "host-" + spec.Name), specPath]) };
        string? kiotaProject = null;
        if (kiota)
        {
            Log($"{spec.Name}: Kiota {KiotaTool.Version}");
            var project = consumers.CreateKiota(spec.Name);
            var client = Path.Combine(project, "Client");
            var generation = KiotaTool.Generate(specPath, client, spec.ClientName);
            var (lines, files) = generation.Succeeded ? KiotaTool.Measure(client) : (0, 0);
            result = result with { KiotaGeneration = generation, KiotaLines = lines, KiotaFiles = files };
            kiotaProject = generation.Succeeded ? project : null;
        }

        if (builds)
        {
            var ours = consumers.CreateOurs(spec.Name, specPath);
            if (kiotaProject is not null)
            {
                // Started together, the two builds' ratio does not carry the spread between minutes of a loaded machine.
                Log($"{spec.Name}: dotnet build with the packed generator and of Kiota's output, started together");
                var (ourBuild, kiotaBuild) = consumers.BuildTogether(ours, kiotaProject);
                result = result with { OurBuild = ourBuild, KiotaBuild = kiotaBuild, BuildsStartedTogether = true };
            }
            else
            {
                Log($"{spec.Name}: dotnet build with the packed generator");
                result = result with { OurBuild = consumers.BuildOurs(ours) };
            }
        }

        load.Sample();
        return result;
    }

    private static void RunSweep(IEnumerable<int> sizes, string work, bool compile, MachineLoad load, ScaleResults results, string output)
    {
        foreach (var size in sizes)
        {
            var point = RunSweepPoint(size, work, compile, load);
            lock (results)
            {
                results.Sweep.Add(point);
                Save(results, output);
            }
        }
    }

    private static SweepPoint RunSweepPoint(int operations, string work, bool compile, MachineLoad load)
    {
        var specPath = Path.Combine(work, "specs", $"synthetic-{operations:D5}.openapi.json");
        File.WriteAllText(specPath, SyntheticSpec.Create(operations));
        var loadAverage = load.Sample();
        var repeat = SweepRuns(operations);
        Log($"sweep: {operations} operations, {repeat} runs");
        var (figures, failure) = MeasureInChild(specPath, ["--repeat", repeat.ToString(CultureInfo.InvariantCulture), "--stages", .. compile ? new[] { "--compile" } : []]);
        return new SweepPoint(operations, loadAverage, figures, failure);
    }

    /// <summary>More runs where one is short and the load's noise large; two at the largest sizes, where one run takes many seconds.</summary>
    public static int SweepRuns(int operations) => operations <= 300 ? 10 : operations <= 1000 ? 3 : 2;

    private static readonly Dictionary<string, string> ServerCollector = new() { ["DOTNET_gcServer"] = "1" };

    /// <summary>Runs <see cref="SpecMeasurement"/> in a process of its own and reads the JSON line it prints last.</summary>
    private static (SpecFigures? Figures, string? Failure) MeasureInChild(string specPath, string[] options, IReadOnlyDictionary<string, string>? environment = null)
    {
        var child = TimedProcess.Run(Path.GetDirectoryName(specPath)!, "dotnet", [typeof(Program).Assembly.Location, "--scale-measure", specPath, .. options], environment, TimeSpan.FromMinutes(60));
        var json = child.Output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        return child.Succeeded && json is not null
            ? (JsonSerializer.Deserialize<SpecFigures>(json), null)
            : (null, $"exit code {child.ExitCode}: {child.Tail(8)}");
    }

    private static void Save(ScaleResults results, string output)
    {
        File.WriteAllText(Path.Combine(output, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, IncludeFields = true }) + "\n");
        File.WriteAllText(Path.Combine(output, "RESULTS.md"), ScaleReport.Markdown(results));
        if (results.Sweep.Any(p => p.Figures is not null))
        {
            File.WriteAllText(Path.Combine(output, "sweep.svg"), SweepChart.Svg(results.Sweep));
        }
    }

    private static void Log(string message)
        => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    private static string? Option(string[] args, string name)
        => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static IEnumerable<string> ListOption(string[] args, string name, IEnumerable<string> defaults)
        => Option(args, name) is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v != "none")
            : defaults;

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "-C \"" + Repo.Root + "\" " + arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
