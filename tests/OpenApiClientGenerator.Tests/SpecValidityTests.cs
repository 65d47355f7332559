using System;
using System.IO;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>The curated specs are valid OpenAPI by Microsoft.OpenApi's own rules, read independently of the generator.</summary>
public sealed class SpecValidityTests
{
    public static TheoryData<string> Specs()
        => new(Directory.GetFiles(Repository.PathOf("specs"), "*.openapi.yaml").Select(p => Path.GetFileName(p)!).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_has_no_errors_under_the_openapi_rules(string fileName)
    {
        var json = YamlJson.Parse(File.ReadAllText(Repository.PathOf("specs", fileName)));

        var result = new OpenApiJsonReader().Read(json, new Uri("file:///" + fileName), new OpenApiReaderSettings { LoadExternalRefs = false });

        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic.SpecificationVersion);
    }
}
