using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiClientGenerator.Parsing;

/// <summary>Where a node is in the spec text. Line and column are 0-based, as Roslyn's <c>LinePosition</c>.</summary>
internal readonly record struct SourcePosition(int Line, int Column, int Offset, int Length);

/// <summary>The position of every node of a spec, keyed by JSON Pointer.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _keys = new(StringComparer.Ordinal);

    public bool TryGetPosition(string jsonPointer, out SourcePosition position) => _values.TryGetValue(jsonPointer, out position);

    /// <summary>The position of a mapping entry's key, which is where a name-related problem belongs.</summary>
    public bool TryGetKeyPosition(string jsonPointer, out SourcePosition position) => _keys.TryGetValue(jsonPointer, out position);

    /// <summary>The node itself, or the nearest ancestor the map knows, or the start of the file.</summary>
    public SourcePosition Find(string jsonPointer)
    {
        var pointer = jsonPointer;
        while (true)
        {
            if (_values.TryGetValue(pointer, out var position))
            {
                return position;
            }

            var slash = pointer.LastIndexOf('/');
            if (slash < 0)
            {
                return default;
            }

            pointer = pointer.Substring(0, slash);
        }
    }

    internal void AddValue(string pointer, SourcePosition position) => _values[pointer] = position;

    internal void AddKey(string pointer, SourcePosition position) => _keys[pointer] = position;
}

internal sealed record SpecSyntaxError(string Message, SourcePosition Position);

internal sealed class SpecDocument(JsonNode? root, SourceMap map, SpecSyntaxError? error)
{
    public JsonNode? Root { get; } = root;

    public SourceMap Map { get; } = map;

    public SpecSyntaxError? Error { get; } = error;
}

/// <summary>
/// Reads a YAML or JSON spec into a <see cref="JsonNode"/> tree for Microsoft.OpenApi's JSON reader, recording where each
/// node came from so that every diagnostic points at its line. JSON is read by the same YAML 1.2 parser.
/// </summary>
internal static class SpecDocumentReader
{
    private const int MaxDepth = 256;
    private const int MaxNodes = 1_000_000;

    public static SpecDocument Read(string text)
    {
        var map = new SourceMap();
        try
        {
            var builder = new TreeBuilder(new Parser(new StringReader(text)), map);
            var root = builder.ReadDocument();
            return root is null
                ? new SpecDocument(null, map, new SpecSyntaxError("The document is empty", default))
                : new SpecDocument(root, map, null);
        }
        catch (YamlException exception)
        {
            return new SpecDocument(null, map, new SpecSyntaxError(CleanMessage(exception), Position(exception.Start, exception.End)));
        }
        catch (SpecFormatException exception)
        {
            return new SpecDocument(null, map, new SpecSyntaxError(exception.Message, exception.Position));
        }
    }

    /// <summary>YamlDotNet prefixes its messages with the location, which the diagnostic already carries.</summary>
    private static string CleanMessage(YamlException exception)
    {
        var message = exception.InnerException is YamlException inner ? inner.Message : exception.Message;
        var close = message.StartsWith("(", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close > 0 ? message.Substring(close + 3) : message;
    }

    private static SourcePosition Position(Mark start, Mark end)
        => new(
            Math.Max(0, (int)start.Line - 1),
            Math.Max(0, (int)start.Column - 1),
            Math.Max(0, (int)start.Index),
            Math.Max(1, (int)(end.Index - start.Index)));

    private sealed class SpecFormatException(string message, SourcePosition position) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }

    private sealed class TreeBuilder(IParser parser, SourceMap map)
    {
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
        private int _nodeCount;

        public JsonNode? ReadDocument()
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            if (parser.Accept<DocumentEnd>(out _))
            {
                return null;
            }

            // Only the first document of a stream is the spec; later ones are ignored.
            return ReadNode(string.Empty, 0);
        }

        private JsonNode? ReadNode(string pointer, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new SpecFormatException("The document is too large or too deeply nested", Position(parser.Current!.Start, parser.Current.End));
            }

            var current = parser.Current ?? throw new SpecFormatException("Unexpected end of the document", default);
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    map.AddValue(pointer, Position(alias.Start, alias.End));
                    if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                    {
                        throw new SpecFormatException($"The alias '*{alias.Value.Value}' names no anchor", Position(alias.Start, alias.End));
                    }

                    return anchored is null ? null : Count(anchored.DeepClone(), alias);
                case Scalar scalar:
                    parser.MoveNext();
                    map.AddValue(pointer, Position(scalar.Start, scalar.End));
                    return Remember(scalar.Anchor, Count(ConvertScalar(scalar), scalar));
                case SequenceStart sequenceStart:
                    return Remember(sequenceStart.Anchor, ReadSequence(sequenceStart, pointer, depth));
                case MappingStart mappingStart:
                    return Remember(mappingStart.Anchor, ReadMapping(mappingStart, pointer, depth));
                default:
                    throw new SpecFormatException($"Unexpected {current.GetType().Name}", Position(current.Start, current.End));
            }
        }

        private JsonArray ReadSequence(SequenceStart start, string pointer, int depth)
        {
            parser.MoveNext();
            var array = new JsonArray();
            Count(array, start);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var itemPointer = pointer + "/" + array.Count.ToString(CultureInfo.InvariantCulture);
                array.Add(ReadNode(itemPointer, depth + 1));
            }

            map.AddValue(pointer, Span(start, parser.Current));
            return array;
        }

        private JsonObject ReadMapping(MappingStart start, string pointer, int depth)
        {
            parser.MoveNext();
            var obj = new JsonObject();
            Count(obj, start);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                if (keyEvent is not Scalar keyScalar)
                {
                    throw new SpecFormatException("Only plain names can be mapping keys", Position(keyEvent.Start, keyEvent.End));
                }

                parser.MoveNext();
                var key = keyScalar.Value;
                var keyPosition = Position(keyScalar.Start, keyScalar.End);
                if (obj.ContainsKey(key))
                {
                    throw new SpecFormatException($"Duplicate key '{key}'", keyPosition);
                }

                var memberPointer = pointer + "/" + JsonPointers.Escape(key);
                map.AddKey(memberPointer, keyPosition);
                obj[key] = ReadNode(memberPointer, depth + 1);
            }

            map.AddValue(pointer, Span(start, parser.Current));
            return obj;
        }

        /// <summary>A collection spans from its start to the event after its end, so the IDE underlines all of it.</summary>
        private static SourcePosition Span(ParsingEvent start, ParsingEvent? next)
            => next is null ? Position(start.Start, start.End) : Position(start.Start, next.Start);

        private JsonNode? Remember(AnchorName anchor, JsonNode? node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        /// <summary>Aliases copy whole subtrees, so a small file can expand enormously: cap the total.</summary>
        private T Count<T>(T node, ParsingEvent at)
            where T : JsonNode?
        {
            _nodeCount += node is null ? 1 : CountNodes(node);
            if (_nodeCount > MaxNodes)
            {
                throw new SpecFormatException("The document is too large or too deeply nested", Position(at.Start, at.End));
            }

            return node;
        }

        private static int CountNodes(JsonNode node)
        {
            var count = 1;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var member in obj)
                    {
                        count += member.Value is null ? 1 : CountNodes(member.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        count += item is null ? 1 : CountNodes(item);
                    }

                    break;
            }

            return count;
        }

        /// <summary>YAML 1.2 core schema: quoted and block scalars are strings; plain ones may be null, booleans or numbers.</summary>
        private static JsonNode? ConvertScalar(Scalar scalar)
        {
            var value = scalar.Value;
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            if (tag is "tag:yaml.org,2002:str" || (tag is null && !scalar.IsPlainImplicit))
            {
                return JsonValue.Create(value);
            }

            if (tag is "tag:yaml.org,2002:null" || value is "" or "~" or "null" or "Null" or "NULL")
            {
                return tag is null || tag == "tag:yaml.org,2002:null" ? null : JsonValue.Create(value);
            }

            if (value is "true" or "True" or "TRUE")
            {
                return JsonValue.Create(true);
            }

            if (value is "false" or "False" or "FALSE")
            {
                return JsonValue.Create(false);
            }

            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && !value.StartsWith("+", StringComparison.Ordinal))
            {
                return JsonValue.Create(integer);
            }

            if (LooksNumeric(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                // decimal keeps the text's digits, so `minimum: 1.1` stays 1.1 for the validator.
                return JsonValue.Create(number);
            }

            if (LooksNumeric(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && !double.IsInfinity(large))
            {
                return JsonValue.Create(large);
            }

            return JsonValue.Create(value);
        }

        private static bool LooksNumeric(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            var start = value[0] is '-' or '+' ? 1 : 0;
            return start < value.Length && (char.IsDigit(value[start]) || (value[start] == '.' && start + 1 < value.Length && char.IsDigit(value[start + 1])))
                && value.IndexOf('_') < 0;
        }
    }
}
