using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>The checked-in samples are what reviewers read: they must be exactly what the generator emits today.</summary>
public sealed class OutputSamplesTests
{
    private const string RefreshCommand = "dotnet build output-samples/HuaweiCloudSample";

    private static readonly string SamplesFolder = Repository.PathOf(
        "output-samples", "HuaweiCloudSample", "Generated", "OpenApiClientGenerator", "OpenApiClientGenerator.ClientGenerator");

    [Fact]
    public void Checked_in_samples_match_the_generator_output()
    {
        // The sample references ASP.NET Core, so Microsoft.Extensions.Http is there and the DI extensions are generated.
        var compilation = GeneratorHarness.CreateCompilation(
            "namespace Microsoft.Extensions.DependencyInjection { public static class HttpClientFactoryServiceCollectionExtensions { } }");
        var specs = Directory.GetFiles(Repository.PathOf("specs"), "*.openapi.yaml")
            .Select(p => (Microsoft.CodeAnalysis.AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)));
        var run = GeneratorHarness.Run(specs, new Dictionary<string, string> { ["build_property.OpenApiRootNamespace"] = "HuaweiCloud" }, compilation);

        var expected = run.Sources.ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        var actual = Directory.Exists(SamplesFolder)
            ? Directory.GetFiles(SamplesFolder).ToDictionary(p => Path.GetFileName(p), p => Normalize(File.ReadAllText(p)), StringComparer.Ordinal)
            : [];

        var stale = expected.Keys.Union(actual.Keys, StringComparer.Ordinal)
            .Where(name => !expected.TryGetValue(name, out var e) || !actual.TryGetValue(name, out var a) || e != a)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        Assert.True(stale.Count == 0,
            $"output-samples is stale ({string.Join(", ", stale)}). Refresh it with `{RefreshCommand}` and commit the result.");
    }

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
}
