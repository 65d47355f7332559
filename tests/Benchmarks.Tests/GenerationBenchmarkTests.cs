using System;
using System.IO;
using System.Linq;
using GenerationBenchmarks;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator;
using Bench = GenerationBenchmarks.GenerationBenchmarks;

namespace Benchmarks.Tests;

/// <summary>Each generation benchmark body, run once: it must do the work it claims to measure.</summary>
public sealed class GenerationBenchmarkTests
{
    /// <summary>The generator's own steps (Roslyn's input steps, such as the compilation itself, change with every edit).</summary>
    private static readonly string[] OurStepNames = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    private static readonly string[] SpecPaths = Directory.GetFiles(Repository.PathOf("specs"), "*.openapi.yaml");

    private static Bench SetUp()
    {
        var benchmarks = new Bench { TrackSteps = true };
        benchmarks.Setup();
        return benchmarks;
    }

    [Fact]
    public void Parse_floor_reads_every_operation_of_every_spec()
    {
        var operations = SpecPaths.Sum(p => File.ReadLines(p).Count(l => l.TrimStart().StartsWith("operationId:", StringComparison.Ordinal)));

        Assert.Equal(operations, SetUp().ParseFloorAllSpecs());
    }

    [Fact]
    public void Cold_run_generates_a_client_for_every_spec_without_errors()
    {
        var result = SetUp().ColdRun().GetRunResult();

        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var hintNames = run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("OpenApiClientGenerator.Runtime.ApiHttp.g.cs", hintNames);
        Assert.Contains(hintNames, name => name.StartsWith("DataArtsFabricClient.Models.", StringComparison.Ordinal));
        Assert.True(hintNames.Count(n => n.EndsWith("Client.g.cs", StringComparison.Ordinal)) == SpecPaths.Length, string.Join(", ", hintNames));
        Assert.Contains(run.TrackedSteps[TrackingNames.ParsedSpecs].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.New);
    }

    [Fact]
    public void Rerun_after_an_unrelated_edit_takes_everything_from_the_cache()
    {
        var run = Assert.Single(SetUp().RerunAfterUnrelatedEdit().GetRunResult().Results);

        Assert.Null(run.Exception);
        Assert.NotEmpty(run.GeneratedSources);
        foreach (var name in OurStepNames)
        {
            Assert.All(run.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} re-ran ({o.Reason}) after an unrelated edit: the benchmark would measure more than the cache."));
        }
    }

    [Fact]
    public void Rerun_after_a_spec_edit_regenerates_that_spec_alone()
    {
        var run = Assert.Single(SetUp().RerunAfterSpecEdit().GetRunResult().Results);

        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var rendered = run.TrackedSteps[TrackingNames.RenderedSpecs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(SpecPaths.Length, rendered.Count);
        Assert.Single(rendered, o => o.Reason == IncrementalStepRunReason.Modified);
        var models = run.GeneratedSources.Where(s => s.HintName.StartsWith("DataArtsFabricClient.Models.", StringComparison.Ordinal));
        Assert.Contains(models, s => s.SourceText.ToString().Contains("Edited. ", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_writes_the_generated_files_for_the_specs_it_is_given()
    {
        var output = Path.Combine(Path.GetTempPath(), "benchmarks-host-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, GeneratorHost.Run([output, .. SpecPaths]));

            var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();
            Assert.Contains("OpenApiClientGenerator.Runtime.ApiHttp.g.cs", files);
            Assert.Contains("ModelArtsClient.g.cs", files);
            Assert.Contains("record UpdateEndpointRequestBody", File.ReadAllText(Path.Combine(output, "DataArtsFabricClient.Models.UpdateEndpointRequestBody.g.cs")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Breakdown_runs()
    {
        Assert.Equal(0, Breakdown.Run(1));
    }

    [Theory]
    [InlineData("emit", 0)]
    [InlineData("view", 0)]
    [InlineData("cold", 0)]
    [InlineData("parse", 0)]
    [InlineData("floor", 0)]
    [InlineData("render", 1)]
    public void Repeat_runs_the_stages_it_knows_and_refuses_others(string stage, int exitCode)
    {
        Assert.Equal(exitCode, Breakdown.Repeat(stage, 1, mostWarmUps: 1));
    }

    [Fact]
    public void Repeat_runs_over_one_spec_file()
    {
        Assert.Equal(0, Breakdown.Repeat("cold", 1, SpecPaths[0], mostWarmUps: 1));
    }
}
