using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Where a node is in the spec text. Line and column are 0-based, as Roslyn's <c>LinePosition</c>; offset and length
/// count UTF-16 characters of the text.
/// </summary>
internal readonly record struct SourcePosition(int Line, int Column, int Offset, int Length);

/// <summary>The position of every node of a spec, keyed by JSON Pointer (RFC 6901).</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AliasCopy> _aliasCopies = new(StringComparer.Ordinal);

    /// <summary>The position of the node itself; for a mapping entry, the position of its value.</summary>
    public bool TryGetPosition(string jsonPointer, out SourcePosition position)
        => _values.TryGetValue(jsonPointer, out position) || TryGetPositionInAliasCopy(jsonPointer, out position);

    /// <summary>The position of a mapping entry's key, which is where a problem with the name belongs.</summary>
    public bool TryGetKeyPosition(string jsonPointer, out SourcePosition position) => _keys.TryGetValue(jsonPointer, out position);

    /// <summary>The node itself, else its nearest recorded ancestor, else the start of the text.</summary>
    public SourcePosition Find(string jsonPointer)
    {
        var pointer = jsonPointer;
        while (true)
        {
            if (_values.TryGetValue(pointer, out var position))
            {
                return position;
            }

            if (pointer.Length == 0)
            {
                return default;
            }

            var slash = pointer.LastIndexOf('/');
            pointer = slash > 0 ? pointer.Substring(0, slash) : string.Empty;
        }
    }

    internal void AddValue(string pointer, SourcePosition position) => _values[pointer] = position;

    internal void AddKey(string pointer, SourcePosition position) => _keys[pointer] = position;

    internal void AddAliasCopy(string pointer, SourcePosition position, JsonNode copy) => _aliasCopies[pointer] = new AliasCopy(position, copy);

    /// <summary>
    /// The nodes inside an alias's copy are where the alias is. They are looked up on demand: recording each one would
    /// cost as much as the copies themselves, which an alias bomb makes huge.
    /// </summary>
    private bool TryGetPositionInAliasCopy(string jsonPointer, out SourcePosition position)
    {
        position = default;
        if (_aliasCopies.Count == 0)
        {
            return false;
        }

        // An alias holds no recorded node, so the first alias found up the pointer is the copy it points into.
        for (var slash = jsonPointer.LastIndexOf('/'); slash > 0; slash = jsonPointer.LastIndexOf('/', slash - 1))
        {
            if (_aliasCopies.TryGetValue(jsonPointer.Substring(0, slash), out var alias))
            {
                if (!Contains(alias.Copy, jsonPointer.Substring(slash + 1).Split('/')))
                {
                    return false;
                }

                position = alias.Position;
                return true;
            }
        }

        return false;
    }

    private static bool Contains(JsonNode? node, string[] segments)
    {
        foreach (var segment in segments)
        {
            var name = JsonPointers.Unescape(segment);
            switch (node)
            {
                case JsonObject mapping when mapping.TryGetPropertyValue(name, out var member):
                    node = member;
                    break;
                case JsonArray sequence when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < sequence.Count && name == index.ToString(CultureInfo.InvariantCulture):
                    node = sequence[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private readonly record struct AliasCopy(SourcePosition Position, JsonNode Copy);
}
