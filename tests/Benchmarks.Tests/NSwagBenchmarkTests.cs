using System;
using System.IO;
using System.Linq;
using GenerationBenchmarks;
using Microsoft.CodeAnalysis;

namespace Benchmarks.Tests;

/// <summary>Skipped, with the reason shown, when NSwag's npm package is not installed in benchmarks/node_modules: the tests never need npm.</summary>
public sealed class NSwagFactAttribute : FactAttribute
{
    public NSwagFactAttribute()
    {
        if (!NSwagTool.IsInstalled)
        {
            Skip = NSwagTool.NotInstalledReason;
        }
    }
}

/// <summary>The NSwag benchmark bodies, run once.</summary>
public sealed class NSwagBenchmarkTests
{
    [NSwagFact]
    public void NSwag_in_process_writes_a_csharp_client_for_every_spec()
    {
        var benchmarks = new NSwagBenchmarks();
        benchmarks.Setup();
        var nswag = NSwagInProcess.Load(NSwagTool.BinaryDirectory);

        foreach (var spec in Directory.GetFiles(Repository.PathOf("specs"), "*.openapi.yaml"))
        {
            var client = nswag.GenerateClient(File.ReadAllText(spec), spec);
            Assert.Contains("namespace Consumer", client, StringComparison.Ordinal);
            Assert.Contains("partial class", client, StringComparison.Ordinal);
        }

        Assert.True(benchmarks.NSwagInProcessRun() > 0);
        Assert.Empty(benchmarks.OurColdRun().GetRunResult().Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [NSwagFact]
    public void Whole_process_comparison_runs()
    {
        Assert.Equal(0, ProcessComparison.Run(1));
    }
}
