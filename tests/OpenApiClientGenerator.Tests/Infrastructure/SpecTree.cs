using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>
/// A spec as a JSON tree, read with YamlDotNet independently of the generator's own reader, and written back as YAML or
/// JSON. Plain scalars resolve by the YAML 1.2 core schema, as the generator reads them.
/// </summary>
internal static class SpecTree
{
    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        MaxDepth = 4096,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The map of component schemas, when the tree has one where OpenAPI puts it.</summary>
    public static JsonObject? ComponentSchemas(JsonNode? root)
        => (root as JsonObject)?["components"] is JsonObject components ? components["schemas"] as JsonObject : null;

    public static JsonNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode) ?? throw new InvalidDataException("The spec is empty.");
    }

    /// <summary>
    /// JSON with non-ASCII characters left as they are, so that odd names reach the generator's YAML reader unescaped.
    /// Throws on text JSON cannot hold, such as a lone surrogate; <see cref="ToEscapedJson"/> escapes those.
    /// </summary>
    public static string ToJson(JsonNode node) => node.ToJsonString(IndentedJson);

    /// <summary>JSON with everything beyond ASCII escaped as <c>\uXXXX</c>, which holds any string, lone surrogates included.</summary>
    public static string ToEscapedJson(JsonNode node)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteEscaped(node, writer, 0);
        return writer.ToString();
    }

    /// <summary>Block-style YAML; strings whose plain form would read as another type are quoted.</summary>
    public static string ToYaml(JsonNode node)
    {
        var document = new YamlDocument(ToYamlNode(node));
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(document).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children
            .Select(c => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)c.Key).Value ?? string.Empty, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToJsonScalar(scalar),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static JsonNode? ToJsonScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when IsFloat(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    private static bool IsFloat(string value)
        => value.Length > 0 && value.All(c => c is (>= '0' and <= '9') or '.' or '-' or '+' or 'e' or 'E') && value.Any(char.IsAsciiDigit);

    private static YamlNode ToYamlNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                var yamlMapping = new YamlMappingNode();
                foreach (var member in mapping)
                {
                    yamlMapping.Add(StringNode(member.Key), ToYamlNode(member.Value));
                }

                return yamlMapping;
            case JsonArray sequence:
                var yamlSequence = new YamlSequenceNode();
                foreach (var item in sequence)
                {
                    yamlSequence.Add(ToYamlNode(item));
                }

                return yamlSequence;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return StringNode(value.GetValue<string>());
            case JsonValue value:
                return new YamlScalarNode(value.ToJsonString()) { Style = ScalarStyle.Plain };
            default:
                return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
        }
    }

    /// <summary>The emitter picks plain style for text that looks plain, so text that would read back as a number, a boolean or null is quoted.</summary>
    private static YamlScalarNode StringNode(string text)
    {
        var resolvesAsString = ToJsonScalar(new YamlScalarNode(text) { Style = ScalarStyle.Plain }) is JsonValue value
            && value.GetValueKind() == JsonValueKind.String;
        var printable = text.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u2028' or '\u2029' or '\u0085' or '\uFEFF'));
        return new YamlScalarNode(text) { Style = resolvesAsString && printable ? ScalarStyle.Any : ScalarStyle.DoubleQuoted };
    }

    private static void WriteEscaped(JsonNode? node, StringWriter writer, int depth)
    {
        switch (node)
        {
            case JsonObject mapping:
                writer.Write('{');
                var first = true;
                foreach (var member in mapping)
                {
                    writer.Write(first ? "\n" : ",\n");
                    writer.Write(new string(' ', (depth + 1) * 2));
                    WriteString(member.Key, writer);
                    writer.Write(": ");
                    WriteEscaped(member.Value, writer, depth + 1);
                    first = false;
                }

                writer.Write(first ? "}" : "\n" + new string(' ', depth * 2) + "}");
                break;
            case JsonArray sequence:
                writer.Write('[');
                for (var i = 0; i < sequence.Count; i++)
                {
                    writer.Write(i == 0 ? string.Empty : ", ");
                    WriteEscaped(sequence[i], writer, depth + 1);
                }

                writer.Write(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(value.GetValue<string>(), writer);
                break;
            case JsonValue value:
                writer.Write(value.ToJsonString());
                break;
            default:
                writer.Write("null");
                break;
        }
    }

    private static void WriteString(string text, StringWriter writer)
    {
        writer.Write('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    writer.Write("\\\"");
                    break;
                case '\\':
                    writer.Write("\\\\");
                    break;
                case >= ' ' and < '\u007f':
                    writer.Write(c);
                    break;
                default:
                    writer.Write("\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.Write('"');
    }
}
