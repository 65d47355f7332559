using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGenerator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue "Never break a build it should not break": a broken spec ends in diagnostics, never in an exception (CS8785, or
/// OAG011 for one the generator caught itself), each diagnostic's line and column agree with its offsets in the text,
/// and a spec without errors generates code that compiles.
/// <para>
/// Case <c>n</c> mutates one of the repository's specs with the seed <c>n</c> (see <see cref="SpecMutator"/>), so a failure
/// reproduces from the number in its message: OPENAPI_FUZZ_CASE=n runs that case alone and OPENAPI_FUZZ_DUMP=folder writes
/// the specs there. OPENAPI_FUZZ_CASES=n runs n cases instead of the default, and compiles every one without errors;
/// OPENAPI_FUZZ_FIRST=m starts at case m instead of 0, to try new cases.
/// </para>
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultCaseCount = 3000;

    /// <summary>
    /// Compiling costs ten to fifty times as much as generating, so the default run compiles the cases without errors
    /// whose seed is a multiple of this; generated code already compiled is not compiled again.
    /// </summary>
    private const int DefaultCompileEvery = 30;

    /// <summary>
    /// The specs mutated: the five operations' and the client tests' own, which add merge patches of every member kind,
    /// DataAnnotations and constrained headers.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<(string FileName, string Yaml, JsonNode Tree)>> RepositorySpecs = new(() =>
        GeneratorHarness.RepositorySpecs()
            .Select(s => (FileName: Path.GetFileName(s.Path), Yaml: s.GetText()!.ToString()))
            .Concat(Directory.GetFiles(Repository.PathOf("tests", "GeneratedClients.Tests", "specs"), "*.openapi.yaml")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (FileName: Path.GetFileName(p), Yaml: File.ReadAllText(p))))
            .Select(s => (s.FileName, s.Yaml, SpecTree.Load(s.Yaml)))
            .ToList());

    [Fact]
    public void Mutated_specs_end_in_diagnostics_never_in_a_crash_and_compile_when_no_error_is_reported()
    {
        var (seeds, compileEvery) = Configuration();
        var report = Run(seeds, seed => Mutate(seed), seed => seed % compileEvery == 0);
        output.WriteLine(report.Summary);
        Assert.True(report.Failures.Count == 0, report.FailureMessage("rerun one with OPENAPI_FUZZ_CASE=<case>"));
    }

    /// <summary>
    /// Every schema of the JSON Schema Test Suite (draft 4) as the property <c>value</c> of a component, in an OpenAPI
    /// 3.0 and a 3.1 document: schemas the generator was not written for, with keywords in odd combinations.
    /// </summary>
    [Fact]
    public void Json_schema_test_suite_schemas_end_in_diagnostics_never_in_a_crash_and_compile_when_no_error_is_reported()
    {
        var directory = ConformanceTests.SuiteDirectory;
        Assert.True(Directory.Exists(directory), "The JSON Schema Test Suite is missing: " + directory);
        var specs = new List<MutatedSpec>();
        foreach (var file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var groups = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var (group, index) in groups.RootElement.EnumerateArray().Select((g, i) => (g, i)))
            {
                foreach (var version in new[] { "3.0.3", "3.1.0" })
                {
                    var name = $"{Path.GetFileNameWithoutExtension(file)}-{index}-{version}";
                    var text = $$"""
                        {
                          "openapi": "{{version}}",
                          "info": { "title": "Suite {{name}}", "version": "1.0.0" },
                          "paths": {},
                          "components": { "schemas": { "Subject": { "type": "object", "properties": { "value": {{group.GetProperty("schema").GetRawText()}} } } } }
                        }
                        """;
                    specs.Add(new MutatedSpec(name + ".openapi.json", text, $"{Path.GetFileName(file)} group {index} ('{group.GetProperty("description").GetString()}') in OpenAPI {version}"));
                }
            }
        }

        var report = Run(Enumerable.Range(0, specs.Count).ToList(), i => specs[i], _ => true);
        output.WriteLine(report.Summary);
        Assert.True(specs.Count >= 100, $"Only {specs.Count} schemas were found in {directory}.");
        Assert.True(report.Failures.Count == 0, report.FailureMessage("each case names its file and group"));
    }

    private static MutatedSpec Mutate(int seed)
    {
        var specs = RepositorySpecs.Value;
        var (fileName, yaml, tree) = specs[seed % specs.Count];
        var scale = (seed % 97) switch
        {
            13 => MutationScale.DeepNesting,
            41 => MutationScale.HugeString,
            _ => MutationScale.Small,
        };
        return new SpecMutator(seed).Mutate(fileName, tree, yaml, scale);
    }

    /// <summary>
    /// A case still running after this long hangs the generator or the compiler: the run stops waiting for it and
    /// fails, naming it, rather than hanging the suite.
    /// </summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs the cases on every core, each worker with its own generator session; the outcome of a case depends only on
    /// its seed.
    /// </summary>
    private static FuzzReport Run(IReadOnlyList<int> cases, Func<int, MutatedSpec> specOf, Func<int, bool> shouldCompile)
    {
        var stopwatch = Stopwatch.StartNew();
        var failures = new ConcurrentBag<(int Case, string Message)>();
        var compiledClean = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var (withErrors, compiled) = (0, 0);
        var next = -1;
        var running = new ConcurrentDictionary<int, Stopwatch>();
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(Environment.ProcessorCount, cases.Count))).Select(_ => Task.Run(() =>
        {
            var session = new GeneratorSession();
            for (var i = Interlocked.Increment(ref next); i < cases.Count; i = Interlocked.Increment(ref next))
            {
                var number = cases[i];
                running[number] = Stopwatch.StartNew();
                try
                {
                    RunCase(number);
                }
                catch (Exception exception)
                {
                    failures.Add((number, $"case {number}: the test itself failed: {exception}"));
                }
                finally
                {
                    running[number].Stop();
                }
            }

            void RunCase(int number)
            {
                var spec = specOf(number);
                Dump(number, spec);
                var outcome = session.Run(spec.FileName, spec.Text);
                var problem = outcome.Crashes().Concat(outcome.MisplacedDiagnostics(spec.FileName, spec.Text)).FirstOrDefault();
                if (outcome.HasErrors)
                {
                    Interlocked.Increment(ref withErrors);
                }
                else if (problem is null && (shouldCompile(number) || cases.Count == 1) && compiledClean.TryAdd(Fingerprint(outcome), true))
                {
                    Interlocked.Increment(ref compiled);
                    var compileErrors = outcome.CompileErrors();
                    problem = compileErrors.Count == 0 ? null : "the generated code does not compile:\n    " + string.Join("\n    ", compileErrors.Take(5));
                }

                if (problem is not null)
                {
                    failures.Add((number, $"case {number} ({spec.Description}):\n  {problem}\n  diagnostics:\n  {outcome.Summary().Replace("\n", "\n  ", StringComparison.Ordinal)}"));
                }
            }
        })).ToArray();
        while (!Task.WaitAll(workers, TimeSpan.FromSeconds(1)))
        {
            var hung = running.Where(r => r.Value.IsRunning && r.Value.Elapsed > HangLimit).Select(r => r.Key).OrderBy(n => n).ToList();
            if (hung.Count > 0)
            {
                failures.Add((hung[0], $"case {hung[0]} still runs after {HangLimit.TotalMinutes} minutes: the generator or the compiler hangs on it; the run stopped waiting"));
                break;
            }
        }

        var sorted = failures.OrderBy(f => f.Case).Select(f => f.Message).ToList();
        var summary = $"{cases.Count} cases in {stopwatch.Elapsed.TotalSeconds:F1} s: {withErrors} with errors reported, "
            + $"{cases.Count - withErrors} without, {compiled} distinct outputs of those compiled; {sorted.Count} failed";
        return new FuzzReport(sorted, summary);
    }

    private static string Fingerprint(GeneratorSession.GeneratorOutcome outcome)
        => string.Join("\n\0", outcome.Sources.Select(s => s.HintName + "\n" + s.SourceText));

    private static (IReadOnlyList<int> Cases, int CompileEvery) Configuration()
    {
        if (Environment.GetEnvironmentVariable("OPENAPI_FUZZ_CASE") is { Length: > 0 } single)
        {
            return ([int.Parse(single, CultureInfo.InvariantCulture)], 1);
        }

        var first = Environment.GetEnvironmentVariable("OPENAPI_FUZZ_FIRST") is { Length: > 0 } start ? int.Parse(start, CultureInfo.InvariantCulture) : 0;
        return Environment.GetEnvironmentVariable("OPENAPI_FUZZ_CASES") is { Length: > 0 } configured
            ? (Enumerable.Range(first, int.Parse(configured, CultureInfo.InvariantCulture)).ToList(), 1)
            : (Enumerable.Range(first, DefaultCaseCount).ToList(), DefaultCompileEvery);
    }

    private static void Dump(int number, MutatedSpec spec)
    {
        if (Environment.GetEnvironmentVariable("OPENAPI_FUZZ_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, number.ToString(CultureInfo.InvariantCulture) + "." + spec.FileName), spec.Text, new UTF8Encoding(false));
        }
    }

    private sealed record FuzzReport(IReadOnlyList<string> Failures, string Summary)
    {
        public string FailureMessage(string hint)
            => $"{Summary}; {hint}.\n\n" + string.Join("\n\n", Failures.Take(Environment.GetEnvironmentVariable("OPENAPI_FUZZ_SHOW") is { Length: > 0 } show ? int.Parse(show, CultureInfo.InvariantCulture) : 12)) + (Failures.Count > 12 ? $"\n\n... and {Failures.Count - 12} more" : string.Empty);
    }
}
