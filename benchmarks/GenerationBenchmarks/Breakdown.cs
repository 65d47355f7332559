using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.OpenApi;

namespace GenerationBenchmarks;

/// <summary>
/// Where a cold run spends its time and memory: the generator's own stages, called one by one over each spec, next to
/// the pieces of the parse floor. A quick Stopwatch profile (median of RUNS calls after as many warm-up calls, and the
/// bytes each call allocates), not a benchmark. The stages are internal to the generator, which gives this project no
/// access to its internals: they are reached by reflection, and a stage that has moved is reported as such.
/// </summary>
public static class Breakdown
{
    public static int Run(int runs)
    {
        var workload = GeneratorWorkload.FromRepository();
        var internals = GeneratorStages.TryLoad(out var missing);

        // A first pass, not shown, takes the JIT to its final code for every stage before anything is measured.
        Rows(workload, internals, runs);
        var whole = Measure(runs, () => workload.CreateDriver().RunGenerators(workload.Compilation));
        var rows = Rows(workload, internals, runs);

        Console.WriteLine($"Cold run of the generator over the {workload.Specs.Length} specs (CSharpGeneratorDriver, step tracking off): {whole}");
        Console.WriteLine();
        Console.WriteLine("Per spec, each stage alone (median ms / KB allocated per call):");
        Console.WriteLine();
        Console.WriteLine("| spec | floor: YamlDotNet → JsonNode | floor: OpenApiJsonReader.Read | OpenApiDocument.Validate | generator: SpecDocumentReader.Read (YAML → JsonNode + source map) | generator: SpecParser.Parse (all of parsing) | generator: SourceEmitter.BuildView | generator: SourceEmitter.Emit (view + Scriban templates) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        Console.WriteLine();
        Console.WriteLine(internals is null
            ? "(generator stages: n/a, " + missing + ")"
            : $"Shared runtime (SourceEmitter.EmitRuntime): {Measure(runs, internals.EmitRuntime)}");
        return 0;
    }

    /// <summary>
    /// Runs one stage <paramref name="runs"/> times after warm-up runs until the JIT has settled (<see cref="Scale.SpecMeasurement.WarmUp"/>),
    /// and measures nothing but the bytes allocated:
    /// a steady workload for a profiler. <c>emit</c> is <c>SourceEmitter.Emit</c> (views and templates) over every spec,
    /// <c>view</c> <c>SourceEmitter.BuildView</c> alone (so that rendering is the difference), <c>parse</c> <c>SpecParser.Parse</c>
    /// (reading, checking, Microsoft.OpenApi, the model), <c>floor</c> the scale run's parse floor, <c>cold</c> a cold run of the
    /// generator (a new driver) over all of them, <c>edit-schema</c> and <c>edit-operation</c> the re-run of a ran driver over
    /// one large spec of the scale benchmarks (<c>--spec github</c> unless another is named) after the scale benchmarks' schema or
    /// operation edit. With <paramref name="specPath"/> (<c>--spec PATH</c>, or <c>--spec github</c>
    /// for one of <see cref="Scale.ScaleSpecs.Large"/>, re-indented as the scale run reads it) the workload is that one spec
    /// instead of the curated ones. Under callgrind, which counts
    /// instructions whatever the load, the difference between two run counts divided by their difference is the cost
    /// of one run.
    /// </summary>
    public static int Repeat(string stage, int runs, string? specPath = null, int mostWarmUps = Scale.SpecMeasurement.MostWarmUps)
    {
        if (stage is "edit-schema" or "edit-operation")
        {
            return RepeatEdit(stage, specPath ?? "github", runs, mostWarmUps);
        }

        var workload = specPath is null ? GeneratorWorkload.FromRepository() : GeneratorWorkload.FromSpec(specPath);
        string? missing = null;
        var internals = stage is "emit" or "view" or "parse" ? GeneratorStages.TryLoad(out missing) : null;
        Action run;
        if (stage == "cold")
        {
            run = () => workload.CreateDriver().RunGenerators(workload.Compilation);
        }
        else if (stage == "floor")
        {
            // The floor of each spec: its text → JsonNode (System.Text.Json for a JSON spec, as the scale run reads it;
            // YamlDotNet for a YAML one, as Rows does) → OpenApiJsonReader.
            var specs = workload.Specs.Select(s => (Json: s.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase), Text: s.GetText()!.ToString())).ToList();
            run = () => specs.ForEach(s => ParseFloor.Read(s.Json ? System.Text.Json.Nodes.JsonNode.Parse(s.Text)! : ParseFloor.ToJsonNode(s.Text)));
        }
        else if (stage == "parse" && internals is not null)
        {
            run = () => workload.Specs.ToList().ForEach(s => internals.Parse(s.Path, s.GetText()!.ToString()));
        }
        else if (internals is not null)
        {
            var specs = workload.Specs.Select(s => internals.Parse(s.Path, s.GetText()!.ToString())).ToList();
            run = stage == "emit" ? () => specs.ForEach(spec => internals.Emit(spec)) : () => specs.ForEach(spec => internals.BuildView(spec));
        }
        else
        {
            Console.Error.WriteLine(missing is not null ? "(generator stages: n/a, " + missing + ")" : "--repeat takes emit, view, parse, floor, cold, edit-schema or edit-operation, then a run count, then optionally --spec PATH");
            return 1;
        }

        var warmUps = Scale.SpecMeasurement.WarmUp(run, mostWarmUps);
        WaitForProfiler();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var processorTimeBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            run();
        }

        var perRun = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Math.Max(1, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage} over {workload.Specs.Length} specs, {runs} runs after {warmUps} warm-up runs: {perRun / 1024.0:F0} KB allocated per run, {ProcessorTimePerRun(processorTimeBefore, runs):F2} ms processor time per run"));
        return 0;
    }

    /// <summary>
    /// The re-run the scale benchmarks measure, <paramref name="runs"/> times: one cold run (not counted), re-runs until
    /// the JIT has settled (not counted either), then the ran driver re-run over the edited text, from the same ran driver each time.
    /// </summary>
    private static int RepeatEdit(string stage, string specName, int runs, int mostWarmUps)
    {
        var spec = Scale.ScaleSpecs.Large.FirstOrDefault(s => s.Name == specName);
        if (spec is null || !File.Exists(Scale.ScaleSpecs.PathOf(spec)))
        {
            Console.Error.WriteLine($"--repeat {stage} RUNS --spec SPEC: SPEC is one of {string.Join(", ", Scale.ScaleSpecs.Large.Select(s => s.Name))}, installed under benchmarks/node_modules");
            return 1;
        }

        var text = Scale.ScaleSpecs.Read(spec);
        var workload = new GeneratorWorkload([("/scale/" + spec.Name + ".openapi.json", text)], Net80.References.All);
        var edit = stage == "edit-schema" ? Scale.ScaleSpecs.EditSchemaDescription(text) : Scale.ScaleSpecs.EditOperation(text);
        var edited = new InMemoryAdditionalText(workload.Specs[0].Path, edit.Text);
        var ran = workload.CreateDriver().RunGenerators(workload.Compilation);
        var warmUps = Scale.SpecMeasurement.WarmUp(() => ran.ReplaceAdditionalText(workload.Specs[0], edited).RunGenerators(workload.Compilation), mostWarmUps);
        WaitForProfiler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var processorTimeBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var collectionsBefore = Collections.Now();
        for (var i = 0; i < runs; i++)
        {
            ran.ReplaceAdditionalText(workload.Specs[0], edited).RunGenerators(workload.Compilation);
        }

        var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Math.Max(1, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage} of {spec.Name} ({edit.What}), {runs} re-runs after a cold run and {warmUps} warm-up re-runs: {perRun / 1024.0:F0} KB allocated per re-run, {ProcessorTimePerRun(processorTimeBefore, runs):F2} ms processor time per re-run; per re-run {Collections.Now().Since(collectionsBefore, runs)}"));
        return 0;
    }

    /// <summary>How many collections of each generation the process has made, and how long it has been paused for them.</summary>
    private readonly record struct Collections(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static Collections Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        /// <summary>What happened since <paramref name="before"/>, per run (a gen1 collection counts as a gen0 one too, as the runtime counts them).</summary>
        public string Since(Collections before, int runs)
        {
            var per = 1.0 / Math.Max(1, runs);
            return string.Create(CultureInfo.InvariantCulture, $"{(Gen0 - before.Gen0) * per:F2} gen0, {(Gen1 - before.Gen1) * per:F2} gen1 and {(Gen2 - before.Gen2) * per:F2} gen2 collections, paused {(Paused - before.Paused).TotalMilliseconds * per:F1} ms");
        }
    }

    /// <summary>The process's processor time (every thread, user and kernel) since <paramref name="before"/>, per run, in milliseconds.</summary>
    private static double ProcessorTimePerRun(TimeSpan before, int runs)
        => (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / Math.Max(1, runs);

    /// <summary>
    /// With <c>OPENAPI_BENCHMARKS_HANDSHAKE=PATH</c>, writes <c>PATH.ready</c> after the warm-up and waits for
    /// <c>PATH.go</c>: a profiler started with its instrumentation off (<c>valgrind --tool=callgrind --instr-atstart=no</c>)
    /// switches it on then (<c>callgrind_control -i on PID</c>), so that it counts the measured runs alone, without the
    /// start-up and the JIT, and one process gives the cost of a run.
    /// </summary>
    private static void WaitForProfiler()
    {
        if (Environment.GetEnvironmentVariable("OPENAPI_BENCHMARKS_HANDSHAKE") is not { Length: > 0 } handshake)
        {
            return;
        }

        File.WriteAllText(handshake + ".ready", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        while (!File.Exists(handshake + ".go"))
        {
            System.Threading.Thread.Sleep(50);
        }
    }

    private static List<List<string>> Rows(GeneratorWorkload workload, GeneratorStages? internals, int runs)
    {
        var rows = new List<List<string>>();
        foreach (var spec in workload.Specs)
        {
            var text = spec.GetText()!.ToString();
            var node = ParseFloor.ToJsonNode(text);
            var document = ParseFloor.Read(node.DeepClone());
            var cells = new List<string>
            {
                Path.GetFileName(spec.Path),
                Measure(runs, () => ParseFloor.ToJsonNode(text)).ToString(),
                Measure(runs, () => ParseFloor.Read(node.DeepClone()), subtract: () => node.DeepClone()).ToString(),
                Measure(runs, () => document.Validate(ValidationRuleSet.GetDefaultRuleSet())).ToString(),
            };
            if (internals is null)
            {
                cells.AddRange(Enumerable.Repeat("n/a", 4));
            }
            else
            {
                var parsed = internals.Parse(spec.Path, text);
                cells.Add(Measure(runs, () => internals.ReadDocument(text)).ToString());
                cells.Add(Measure(runs, () => internals.Parse(spec.Path, text)).ToString());
                cells.Add(Measure(runs, () => internals.BuildView(parsed)).ToString());
                cells.Add(Measure(runs, () => internals.Emit(parsed)).ToString());
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static Figure Measure(int runs, Action action, Action? subtract = null)
    {
        var times = new List<double>();
        var bytes = new List<long>();
        for (var i = 0; i < 2 * Math.Max(1, runs); i++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            action();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (subtract is not null)
            {
                allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                stopwatch.Restart();
                subtract();
                elapsed -= stopwatch.Elapsed.TotalMilliseconds;
                allocated -= GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }

            if (i >= Math.Max(1, runs))
            {
                times.Add(elapsed);
                bytes.Add(allocated);
            }
        }

        return new Figure(Median(times), bytes.Min() / 1024.0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private readonly record struct Figure(double Milliseconds, double KiloBytes)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds:F2} ms / {KiloBytes:F0} KB");
    }
}
