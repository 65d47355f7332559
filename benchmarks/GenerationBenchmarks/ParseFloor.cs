using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

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

    public static JsonNode ToJsonNode(string yamlText) => YamlJson.Parse(yamlText);

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
}
