using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiClientGenerator.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

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
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repository.PathOf("specs", fileName))));
        var json = ToJson(yaml.Documents[0].RootNode);

        var result = new OpenApiJsonReader().Read(json!, new Uri("file:///" + fileName), new OpenApiReaderSettings { LoadExternalRefs = false });

        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic.SpecificationVersion);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "null" or "~" or "" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }
}
