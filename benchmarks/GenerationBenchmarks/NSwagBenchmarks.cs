using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace GenerationBenchmarks;

/// <summary>
/// Our cold run against NSwag's C# client generator, both in this process over the same three specs. A class of its own
/// so that the rest runs without npm; ratios are to our cold run.
/// </summary>
[MemoryDiagnoser]
public class NSwagBenchmarks
{
    private GeneratorWorkload _workload = null!;
    private NSwagInProcess _nswag = null!;
    private IReadOnlyList<(string Path, string Text)> _specs = null!;

    [GlobalSetup]
    public void Setup()
    {
        NSwagTool.EnsureInstalled();
        _workload = GeneratorWorkload.FromRepository();
        _specs = _workload.Specs.Select(s => (s.Path, s.GetText()!.ToString())).ToList();
        _nswag = NSwagInProcess.Load(NSwagTool.BinaryDirectory);
    }

    [Benchmark(Baseline = true, Description = "Generator: cold run (new driver)")]
    public GeneratorDriver OurColdRun() => _workload.CreateDriver().RunGenerators(_workload.Compilation);

    [Benchmark(Description = "NSwag 14.7.1: YAML → C# client, in process")]
    public int NSwagInProcessRun() => _nswag.GenerateAll(_specs);
}
