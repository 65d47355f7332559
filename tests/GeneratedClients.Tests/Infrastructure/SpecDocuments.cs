using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GeneratedClients.Tests.Infrastructure;

/// <summary>One example of a spec: a request body example or a response example of one status.</summary>
/// <param name="File">The spec's file name.</param>
/// <param name="OperationId">The operation.</param>
/// <param name="Status">The response status key (<c>200</c>, <c>default</c>, …), or <see langword="null"/> for the request body.</param>
/// <param name="Value">The example, as JSON.</param>
public sealed record SpecExample(string File, string OperationId, string? Status, JsonNode? Value)
{
    /// <summary>Gets a short name such as <c>UpdateEndpoint request</c> or <c>UpdateEndpoint 202</c>.</summary>
    public string Key => Status is null ? OperationId + " request" : OperationId + " " + Status;
}

/// <summary>An operation of a spec, with the parts the tests look at.</summary>
public sealed record SpecOperation(string File, string Path, string Method, string OperationId, JsonObject Operation);

/// <summary>
/// Reads the curated specs that the csproj copies next to the test assembly (<c>specs/*.openapi.yaml</c>) with YamlDotNet,
/// as JSON, so that the tests take their examples and constraints from the same files the generator reads.
/// </summary>
public static class SpecDocuments
{
    public static readonly IReadOnlyList<string> CuratedFiles = ["modelarts.openapi.yaml", "dataarts-fabric.openapi.yaml", "gaussdb-opengauss.openapi.yaml"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    private static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>Loads a spec as a fresh JSON object (callers may change it).</summary>
    public static JsonObject Load(string fileName)
    {
        var json = Cache.GetOrAdd(fileName, static name =>
        {
            var path = System.IO.Path.Combine(AppContext.BaseDirectory, "specs", name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("The spec is not next to the test assembly; the csproj copies specs/*.openapi.yaml there.", path);
            }

            return YamlToJson(File.ReadAllText(path));
        });
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>Converts a one-document YAML text to JSON text. Plain scalars that look like JSON literals or numbers keep that kind.</summary>
    public static string YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, stream.Documents.Single().RootNode);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IEnumerable<SpecOperation> Operations(string fileName)
    {
        var spec = Load(fileName);
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (Methods.Contains(method, StringComparer.Ordinal))
                {
                    yield return new SpecOperation(fileName, path, method, (string)operation!["operationId"]!, operation.AsObject());
                }
            }
        }
    }

    /// <summary>Every request body example and response example of the curated specs (<c>example</c> and <c>examples</c> alike).</summary>
    public static IEnumerable<SpecExample> Examples() => CuratedFiles.SelectMany(Examples);

    public static IEnumerable<SpecExample> Examples(string fileName)
    {
        foreach (var operation in Operations(fileName))
        {
            if (operation.Operation["requestBody"]?["content"] is JsonObject requestContent)
            {
                foreach (var value in MediaExamples(requestContent))
                {
                    yield return new SpecExample(fileName, operation.OperationId, null, value);
                }
            }

            foreach (var (status, response) in operation.Operation["responses"]!.AsObject())
            {
                if (response?["content"] is JsonObject responseContent)
                {
                    foreach (var value in MediaExamples(responseContent))
                    {
                        yield return new SpecExample(fileName, operation.OperationId, status, value);
                    }
                }
            }
        }
    }

    /// <summary>Finds the one example with the given key, e.g. <c>UpdateEndpoint 202</c>.</summary>
    public static JsonNode Example(string key)
        => Examples().Single(e => e.Key == key).Value ?? throw new InvalidOperationException(key + " is null.");

    private static IEnumerable<JsonNode?> MediaExamples(JsonObject content)
    {
        foreach (var (_, media) in content)
        {
            if (media is not JsonObject mediaObject)
            {
                continue;
            }

            if (mediaObject.TryGetPropertyValue("example", out var example))
            {
                yield return example?.DeepClone();
            }

            if (mediaObject["examples"] is JsonObject examples)
            {
                foreach (var (_, named) in examples)
                {
                    yield return named?["value"]?.DeepClone();
                }
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? string.Empty);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new NotSupportedException("YAML node " + node.NodeType + " at " + node.Start + " is not supported.");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.Plain)
        {
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    writer.WriteNullValue();
                    return;
                case "true" or "True" or "TRUE":
                    writer.WriteBooleanValue(true);
                    return;
                case "false" or "False" or "FALSE":
                    writer.WriteBooleanValue(false);
                    return;
            }

            if (JsonNumber.IsMatch(text))
            {
                // Keep the number's text exactly as the spec writes it.
                writer.WriteRawValue(text);
                return;
            }
        }

        writer.WriteStringValue(text);
    }
}
