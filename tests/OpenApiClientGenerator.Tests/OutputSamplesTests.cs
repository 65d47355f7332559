using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// The checked-in samples are what reviewers read: they must be exactly what the generator emits today. The whole sample
/// shows the code for the five operations; each folder of <c>output-samples/snapshots</c> holds a tiny spec of one feature
/// and the code generated from it, without the runtime (the same for every spec), so that a change shows its effect on
/// one feature in a diff of its own. With <see cref="RefreshVariable"/> set, the tests write what the generator emits
/// instead of failing.
/// </summary>
public sealed class OutputSamplesTests
{
    private const string RefreshVariable = "OPENAPI_REFRESH_SNAPSHOTS";
    private const string RefreshCommand = RefreshVariable + "=1 dotnet test tests/OpenApiClientGenerator.Tests --filter OutputSamplesTests";
    private const string RuntimeHintPrefix = "OpenApiClientGenerator.Runtime.";

    private static readonly string SamplesFolder = Repository.PathOf(
        "output-samples", "HuaweiCloudSample", "Generated", "OpenApiClientGenerator", "OpenApiClientGenerator.ClientGenerator");

    private static readonly string SnapshotsFolder = Repository.PathOf("output-samples", "snapshots");

    /// <summary>The compiler writes generated files as UTF-8 with a byte order mark; the refresh writes them the same way.</summary>
    private static readonly Encoding GeneratedFileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static TheoryData<string> Features()
        => new(Directory.GetDirectories(SnapshotsFolder).Select(p => Path.GetFileName(p)!).OrderBy(n => n, StringComparer.Ordinal));

    [Fact]
    public void Checked_in_samples_match_the_generator_output()
    {
        // The sample references ASP.NET Core, so Microsoft.Extensions.Http is there and the DI extensions are generated.
        var compilation = GeneratorHarness.CreateCompilation(
            "namespace Microsoft.Extensions.DependencyInjection { public static class HttpClientFactoryServiceCollectionExtensions { } }");
        var specs = Directory.GetFiles(Repository.PathOf("specs"), "*.openapi.yaml")
            .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)));
        var run = GeneratorHarness.Run(specs, new Dictionary<string, string> { ["build_property.OpenApiRootNamespace"] = "HuaweiCloud" }, compilation);

        AssertFolderHolds(SamplesFolder, run.Sources);
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_snapshot_matches_the_generator_output(string feature)
    {
        var folder = Path.Combine(SnapshotsFolder, feature);
        var specPath = Path.Combine(folder, feature + ".openapi.yaml");
        Assert.True(File.Exists(specPath), $"output-samples/snapshots/{feature} has no spec named {feature}.openapi.yaml.");
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText(specPath, File.ReadAllText(specPath))],
            new Dictionary<string, string> { ["build_property.OpenApiRootNamespace"] = "Snapshots" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        AssertFolderHolds(folder, run.Sources.Where(s => !s.HintName.StartsWith(RuntimeHintPrefix, StringComparison.Ordinal)).ToList());
    }

    /// <summary>
    /// Checks that the folder's C# files are exactly the generated sources, by hint name and text, or, with
    /// <see cref="RefreshVariable"/> set, makes them so.
    /// </summary>
    private static void AssertFolderHolds(string folder, IReadOnlyList<GeneratedSourceResult> sources)
    {
        Assert.NotEmpty(sources);
        var expected = sources.ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        var actual = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").ToDictionary(p => Path.GetFileName(p), p => Normalize(File.ReadAllText(p)), StringComparer.Ordinal)
            : [];

        var stale = expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
            .Where(name => !expected.TryGetValue(name, out var e) || !actual.TryGetValue(name, out var a) || e != a)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        if (stale.Count > 0 && Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var name in stale)
            {
                var path = Path.Combine(folder, name);
                if (expected.TryGetValue(name, out var text))
                {
                    File.WriteAllText(path, text, GeneratedFileEncoding);
                }
                else
                {
                    File.Delete(path);
                }
            }

            return;
        }

        var relativeFolder = Path.GetRelativePath(Repository.Root, folder).Replace('\\', '/');
        Assert.True(stale.Count == 0,
            $"{relativeFolder} is stale ({string.Join(", ", stale)}). Refresh it with `{RefreshCommand}`, review the diff and commit it.");
    }

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
}
