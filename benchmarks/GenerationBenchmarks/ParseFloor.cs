using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.RepresentationModel;

namespace GenerationBenchmarks;

/// <summary>
/// The floor under any generator built on Microsoft.OpenApi: read the YAML with YamlDotNet, turn it into a
/// <see cref="JsonNode"/> tree and hand it to <see cref="OpenApiJsonReader"/>. Nothing else: no source map, no
/// validation, no model, no rendering.
/// </summary>
public static class ParseFloor
{
    public static OpenApiDocument Parse(string yamlText)
        => Read(ToJsonNode(yamlText));

    public static JsonNode ToJsonNode(string yamlText)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(yamlText));
        return ToJson(yaml.Documents[0].RootNode) ?? throw new InvalidDataException("The spec is empty.");
    }

    public static OpenApiDocument Read(JsonNode root)
    {
        var result = new OpenApiJsonReader().Read(root, new Uri("file:///x"), new OpenApiReaderSettings());
        return result.Document ?? throw new InvalidDataException("Microsoft.OpenApi read no document: " + string.Join("; ", result.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
    }

    /// <summary>Counts the operations of every spec, so that the work cannot be optimized away.</summary>
    public static int ParseAll(IReadOnlyList<string> yamlTexts)
    {
        var operations = 0;
        foreach (var text in yamlTexts)
        {
            foreach (var path in Parse(text).Paths)
            {
                operations += path.Value.Operations?.Count ?? 0;
            }
        }

        return operations;
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
            _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }
}
