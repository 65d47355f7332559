using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Benchmarks.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenerationBenchmarks;

/// <summary>
/// The generator over the three repository specs, driven by <see cref="CSharpGeneratorDriver"/> as the compiler drives
/// it, against the floor: the same specs read by Microsoft.OpenApi alone. Ratios are to the floor.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private GeneratorWorkload _workload = null!;
    private IReadOnlyList<string> _specTexts = null!;
    private GeneratorDriver _ranDriver = null!;
    private CSharpCompilation _editedCompilation = null!;
    private AdditionalText _specBeforeEdit = null!;
    private AdditionalText _specAfterEdit = null!;

    /// <summary>Tests turn step tracking on to check what each scenario re-ran; the benchmarks run with it off, as the compiler does.</summary>
    public bool TrackSteps { get; set; }

    /// <summary>The spec the spec-edit scenario edits: the largest one, DataArts Fabric.</summary>
    public const string EditedSpec = "dataarts-fabric.openapi.yaml";

    [GlobalSetup]
    public void Setup()
    {
        _workload = GeneratorWorkload.FromRepository();
        _specTexts = _workload.Specs.Select(s => s.GetText()!.ToString()).ToList();
        _ranDriver = _workload.CreateDriver(TrackSteps).RunGenerators(_workload.Compilation);
        _editedCompilation = _workload.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Consumer { internal static class UnrelatedEdit { public static int Answer => 42; } }", GeneratorDrivers.ParseOptions));
        _specBeforeEdit = _workload.Specs.Single(s => Path.GetFileName(s.Path) == EditedSpec);
        _specAfterEdit = GeneratorWorkload.Edited(_specBeforeEdit);
    }

    [Benchmark(Baseline = true, Description = "Parse floor (YamlDotNet → JsonNode → Microsoft.OpenApi)")]
    public int ParseFloorAllSpecs() => ParseFloor.ParseAll(_specTexts);

    [Benchmark(Description = "Generator: cold run (new driver)")]
    public GeneratorDriver ColdRun() => _workload.CreateDriver(TrackSteps).RunGenerators(_workload.Compilation);

    [Benchmark(Description = "Generator: re-run after an unrelated C# edit")]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _ranDriver.RunGenerators(_editedCompilation);

    [Benchmark(Description = "Generator: re-run after editing one spec")]
    public GeneratorDriver RerunAfterSpecEdit() => _ranDriver.ReplaceAdditionalText(_specBeforeEdit, _specAfterEdit).RunGenerators(_workload.Compilation);
}
