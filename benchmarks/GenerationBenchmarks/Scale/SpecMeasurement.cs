using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// A median wall time and the median processor time (every thread of the process, user and kernel), the fewest bytes
/// allocated by one run, and the peak resident memory over the runs. On a machine whose cores other sessions share,
/// the processor time is the steadier measure of the work done: wall time also counts the time spent waiting for a core.
/// </summary>
public sealed record Cost(double Ms, double CpuMs, double AllocatedMiB, double? PeakMiB, IReadOnlyList<double> RunsMs);

/// <summary>An incremental re-run after an edit: its cost and how many generated files came out different.</summary>
public sealed record EditCost(string What, Cost Cost, int FilesChanged);

/// <summary>Everything measured in one process for one spec; written as JSON for the scale run to read.</summary>
public sealed record SpecFigures
{
    public required string Spec { get; init; }
    public int Operations { get; init; }
    public int Schemas { get; init; }
    public long SpecBytes { get; init; }
    public Cost? Floor { get; init; }
    public Cost? Cold { get; init; }

    /// <summary>How many warm-up pairs (floor and cold run) ran before the measured ones; see <see cref="SpecMeasurement.WarmUp"/>.</summary>
    public int WarmUps { get; init; }
    public int GeneratedFiles { get; init; }
    public long GeneratedLines { get; init; }
    public long RuntimeLines { get; init; }
    public long LargestFileLines { get; init; }
    public int GeneratorErrors { get; init; }
    public string? FirstGeneratorError { get; init; }
    public EditCost? SchemaEdit { get; init; }
    public EditCost? OperationEdit { get; init; }
    public Cost? NSwag { get; init; }
    public long NSwagLines { get; init; }
    public string? NSwagFailure { get; init; }
    public Cost? Compile { get; init; }
    public int CompileErrors { get; init; }
    public string? FirstCompileError { get; init; }
    public Cost? StageParse { get; init; }
    public Cost? StageView { get; init; }
    public Cost? StageEmit { get; init; }
    public string? StagesMissing { get; init; }
}

/// <summary>
/// <c>--scale-measure SPEC_FILE [--repeat N] [--edits] [--nswag] [--compile] [--stages]</c>: one spec measured in a
/// process of its own (so that one spec's heap does not weigh on the next one's figures), printed as one line of JSON.
/// <list type="bullet">
/// <item>The parse floor (JSON → <see cref="System.Text.Json.Nodes.JsonNode"/> → Microsoft.OpenApi) and a cold run of the
/// generator (a new <see cref="GeneratorDriver"/> over a compilation referencing the .NET 8 reference assemblies, step
/// tracking off, as the compiler runs it), alternating, N runs each after warm-up runs of both until the JIT has
/// settled (<see cref="WarmUp"/>) on the same spec.</item>
/// <item><c>--edits</c>: the ran driver re-run after one schema's description is edited and after one operation is
/// edited (N runs each from the same ran driver, after re-runs until the JIT has settled: a re-run runs code the cold
/// runs do not): the generator reads and
/// parses the whole spec again, as in an IDE.</item>
/// <item><c>--nswag</c>: NSwag's C# client generator in this process over the same text.</item>
/// <item><c>--compile</c>: a semantic compile (<c>GetDiagnostics()</c>: every method body bound) of the consumer
/// compilation with the generated trees, after a warm-up compile of a small spec's output; its time, allocations and
/// the process's peak memory while it runs.</item>
/// <item><c>--stages</c>: the generator's stages one by one (parse, build the views, emit), by reflection, N runs each
/// with no warm-up (the cold runs ran the same code).</item>
/// </list>
/// Allocations count every thread (<see cref="GC.GetTotalAllocatedBytes(bool)"/>); peaks are this process's resident
/// memory (<see cref="PeakMemory"/>), reset before each measured step, so they include the process's baseline.
/// </summary>
public static class SpecMeasurement
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: GenerationBenchmarks --scale-measure SPEC_FILE [--repeat N] [--edits] [--nswag] [--compile] [--stages]");
            return 2;
        }

        var path = Path.GetFullPath(args[0]);
        var repeat = int.TryParse(args.SkipWhile(a => a != "--repeat").Skip(1).FirstOrDefault(), out var n) && n > 0 ? n : 3;
        var figures = Measure(path, repeat, args.Contains("--edits"), args.Contains("--nswag"), args.Contains("--compile"), args.Contains("--stages"));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static SpecFigures Measure(string path, int repeat, bool edits, bool nswag, bool compile, bool stages)
    {
        var text = File.ReadAllText(path);
        var document = JsonNode.Parse(text)!;
        var figures = new SpecFigures
        {
            Spec = Path.GetFileName(path),
            Operations = ScaleSpecs.CountOperations(document),
            Schemas = ScaleSpecs.CountSchemas(document),
            SpecBytes = new FileInfo(path).Length,
        };
        document = null;

        var workload = new GeneratorWorkload([(path, text)], Net80.References.All);
        var floor = new Runs();
        var cold = new Runs();
        GeneratorDriver driver = null!;
        var warmUps = WarmUp(() =>
        {
            floor.Time(counted: false, () => ParseFloor.Read(JsonNode.Parse(text)!));
            driver = null!;
            cold.Time(counted: false, () => driver = workload.CreateDriver().RunGenerators(workload.Compilation));
        });
        for (var i = 0; i < repeat; i++)
        {
            floor.Time(counted: true, () => ParseFloor.Read(JsonNode.Parse(text)!));
            driver = null!;
            cold.Time(counted: true, () => driver = workload.CreateDriver().RunGenerators(workload.Compilation));
        }

        var result = driver.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
        var runtime = sources.Where(s => s.HintName.StartsWith("OpenApiClientGenerator.", StringComparison.Ordinal)).ToList();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        figures = figures with
        {
            Floor = floor.Cost,
            Cold = cold.Cost,
            WarmUps = warmUps,
            GeneratedFiles = sources.Count,
            GeneratedLines = sources.Except(runtime).Sum(s => (long)s.SourceText.Lines.Count),
            RuntimeLines = runtime.Sum(s => (long)s.SourceText.Lines.Count),
            LargestFileLines = sources.Count == 0 ? 0 : sources.Max(s => s.SourceText.Lines.Count),
            GeneratorErrors = errors.Count + result.Results.Count(r => r.Exception is not null),
            FirstGeneratorError = result.Results.Select(r => r.Exception?.ToString()).FirstOrDefault(e => e is not null) ?? errors.FirstOrDefault()?.ToString(),
        };

        if (edits)
        {
            figures = figures with
            {
                SchemaEdit = Edit(workload, driver, sources, repeat, ScaleSpecs.EditSchemaDescription(text)),
                OperationEdit = Edit(workload, driver, sources, repeat, ScaleSpecs.EditOperation(text)),
            };
        }

        if (compile)
        {
            WarmUpCompiler();
            var compilation = workload.Compilation.AddSyntaxTrees(result.GeneratedTrees);
            IReadOnlyList<Diagnostic> diagnostics = [];
            var runs = new Runs();
            runs.Time(true, () => diagnostics = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
            figures = figures with { Compile = runs.Cost, CompileErrors = diagnostics.Count, FirstCompileError = diagnostics.FirstOrDefault()?.ToString() };
        }

        result = null!;
        sources = null!;
        runtime = null!;
        driver = null!;
        if (stages)
        {
            figures = WithStages(figures, path, text, repeat);
        }

        if (nswag)
        {
            figures = WithNSwag(figures, path, text, repeat);
        }

        return figures;
    }

    /// <summary>
    /// Compiles a small synthetic spec's output once, so that the measured compile pays for binding, not for the JIT
    /// compiling Roslyn (seconds): the compiler a build runs is precompiled, and a compiler server is warm.
    /// </summary>
    private static void WarmUpCompiler()
    {
        var small = new GeneratorWorkload([("/scale/warm-up.openapi.json", SyntheticSpec.Create(10))], Net80.References.All);
        var trees = small.CreateDriver().RunGenerators(small.Compilation).GetRunResult().GeneratedTrees;
        _ = small.Compilation.AddSyntaxTrees(trees).GetDiagnostics();
    }

    private static EditCost Edit(GeneratorWorkload workload, GeneratorDriver ran, IReadOnlyList<GeneratedSourceResult> before, int repeat, (string Text, string What) edit)
    {
        var edited = new InMemoryAdditionalText(workload.Specs[0].Path, edit.Text);
        var runs = new Runs();
        GeneratorDriver rerun = null!;
        // Re-runs run code a cold run does not (the driver's cached entries, the models' comparisons): warmed up as the
        // cold run is, a re-run counts what an IDE's thousandth keystroke costs, not its first one's JIT.
        WarmUp(() => ran.ReplaceAdditionalText(workload.Specs[0], edited).RunGenerators(workload.Compilation));
        for (var i = 0; i < repeat; i++)
        {
            rerun = null!;
            runs.Time(true, () => rerun = ran.ReplaceAdditionalText(workload.Specs[0], edited).RunGenerators(workload.Compilation));
        }

        var beforeByName = before.ToDictionary(s => s.HintName, s => s.SourceText, StringComparer.Ordinal);
        var after = rerun.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        var changed = after.Count(s => !beforeByName.TryGetValue(s.HintName, out var old) || !old.ContentEquals(s.SourceText))
            + beforeByName.Keys.Count(name => after.All(s => s.HintName != name));
        return new EditCost(edit.What, runs.Cost, changed);
    }

    private static SpecFigures WithStages(SpecFigures figures, string path, string text, int repeat)
    {
        var stages = GeneratorStages.TryLoad(out var missing);
        if (stages is null)
        {
            return figures with { StagesMissing = missing };
        }

        object spec = null!;
        var parse = new Runs();
        var view = new Runs();
        var emit = new Runs();
        for (var i = 0; i < repeat; i++)
        {
            parse.Time(true, () => spec = stages.Parse(path, text));
            view.Time(true, () => stages.BuildView(spec));
            emit.Time(true, () => stages.Emit(spec));
        }

        return figures with { StageParse = parse.Cost, StageView = view.Cost, StageEmit = emit.Cost };
    }

    private static SpecFigures WithNSwag(SpecFigures figures, string path, string text, int repeat)
    {
        try
        {
            NSwagTool.EnsureInstalled();
            var nswag = NSwagInProcess.Load(NSwagTool.BinaryDirectory);
            var runs = new Runs();
            var client = string.Empty;
            for (var i = 0; i <= repeat; i++)
            {
                runs.Time(i > 0, () => client = nswag.GenerateClient(text, path));
            }

            return figures with { NSwag = runs.Cost, NSwagLines = client.Split('\n').LongLength };
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Reflection.TargetInvocationException or AggregateException or IOException)
        {
            var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } e } ? e : exception;
            return figures with { NSwagFailure = inner.GetType().Name + ": " + inner.Message.Split('\n')[0] };
        }
    }

    /// <summary>
    /// Runs <paramref name="warmUpRun"/> (here a floor run and a cold run; a stage of <c>--repeat</c>) until the JIT has
    /// settled, and says how many times: until <see cref="QuietRuns"/> runs in a row have compiled at most
    /// <see cref="StrayCompilations"/> methods each, at most <paramref name="mostWarmUps"/> runs or <see cref="MostWarmUpTime"/>.
    /// The tiered JIT compiles a method again, on a thread of its own whose processor time the process's counts, after
    /// 30 calls (instrumented), and again after 30 more (optimized with that profile): a method called once per run
    /// settles after some 60 runs. GitHub's re-run compiled 390 methods in its first warm-up, then 100 to 1,800 a run up
    /// to the 30th, a few up to the 59th, 55 to 117 a run from the 60th to the 67th and none after that, and the JIT's
    /// time over those 67 runs was 8.4 s, some 125 ms a run against a settled re-run's 200 ms. Quiet for more runs
    /// than a call count (30) means that no method called in every run is still on its way. With the tiered JIT off
    /// (<c>DOTNET_TieredCompilation=0</c>, as callgrind runs), nothing is compiled again and one quiet run is enough.
    /// Settled, a run measures what a compiler server's or an IDE's runs cost once it has built for a while, as the
    /// instruction counts do.
    /// </summary>
    internal static int WarmUp(Action warmUpRun, int mostWarmUps = MostWarmUps)
    {
        var quietRunsNeeded = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "0" ? 1 : QuietRuns;
        var stopwatch = Stopwatch.StartNew();
        var warmUps = 0;
        var quietRuns = 0;
        while (quietRuns < quietRunsNeeded && warmUps < mostWarmUps && stopwatch.Elapsed < MostWarmUpTime)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            warmUpRun();
            warmUps++;
            quietRuns = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore <= StrayCompilations ? quietRuns + 1 : 0;
        }

        return warmUps;
    }

    /// <summary>More runs than the tiered JIT's call count (30) without compilations.</summary>
    private const int QuietRuns = 40;

    /// <summary>What a quiet run may still compile: a stray method the JIT meets late (one or two in GitHub's settled re-runs).</summary>
    private const int StrayCompilations = 2;

    /// <summary>The curated specs' cold run settles after some 600 runs of 10 ms (the JIT compiles 18,628 methods by then).</summary>
    internal const int MostWarmUps = 2_000;

    private static readonly TimeSpan MostWarmUpTime = TimeSpan.FromMinutes(6);

    /// <summary>Timed runs of one step: a full collection before each, so that one run's garbage is not the next one's cost.</summary>
    private sealed class Runs
    {
        private readonly List<double> _ms = [];
        private readonly List<double> _cpuMs = [];
        private readonly List<long> _bytes = [];
        private double? _peak;

        public Cost Cost
            => new(Median(_ms), Median(_cpuMs), _bytes.Min() / (1024.0 * 1024.0), _peak, _ms.Select(m => Math.Round(m, 1)).ToList());

        public void Time(bool counted, Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            PeakMemory.Reset();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var peak = PeakMemory.ReadMiB();
            if (counted)
            {
                _ms.Add(stopwatch.Elapsed.TotalMilliseconds);
                _cpuMs.Add(cpu.TotalMilliseconds);
                _bytes.Add(allocated);
                _peak = peak is null ? _peak : Math.Max(_peak ?? 0, peak.Value);
            }
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
