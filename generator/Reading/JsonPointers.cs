using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

/// <summary>JSON Pointer (RFC 6901) helpers: the model locates every node of a spec by pointer.</summary>
internal static class JsonPointers
{
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Escape(string segment)
        => segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string segment)
        => segment.IndexOf('~') < 0 ? segment : segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The pointer a reference within the document (<c>#/…</c>) names, its URI escapes undone; null for a reference to another document.</summary>
    public static string? FromReference(string reference)
        => reference.StartsWith("#", StringComparison.Ordinal) ? Uri.UnescapeDataString(reference.Substring(1)) : null;

    /// <summary>
    /// The component a reference within the document names (<c>#/components/SECTION/NAME</c>, NAME unescaped); false for
    /// any other reference, and for one with a URI escape, which Microsoft.OpenApi may not read as the checks do.
    /// </summary>
    public static bool TryParseComponentReference(string reference, out string section, out string name)
    {
        section = name = string.Empty;
        if (reference.IndexOf('%') >= 0 || FromReference(reference) is not { } pointer)
        {
            return false;
        }

        var head = new PointerHead(pointer);
        if (head is not { Count: 3, First: "components" })
        {
            return false;
        }

        section = head.Second!;
        name = Unescape(head.Third!);
        return true;
    }

    /// <summary>The pointer the <c>$ref</c> of <paramref name="node"/> names within the document; null when it has none, or names another document.</summary>
    public static string? ReferencedBy(JsonNode? node)
        => node is JsonObject mapping && mapping["$ref"] is JsonValue value && value.TryGetValue(out string? reference) ? FromReference(reference) : null;

    /// <summary>The node <paramref name="pointer"/> points at in <paramref name="root"/>; null when there is none.</summary>
    public static JsonNode? Find(JsonNode root, string pointer)
    {
        // Segment by segment, without splitting the pointer: the reference checks and the loader ask thousands of them.
        var node = root;
        if (pointer.Length == 0)
        {
            return node;
        }

        var start = pointer.IndexOf('/') + 1;
        while (start > 0)
        {
            var end = pointer.IndexOf('/', start);
            var segment = end < 0 ? pointer.Substring(start) : pointer.Substring(start, end - start);
            node = Child(node, Unescape(segment));
            if (node is null)
            {
                return null;
            }

            start = end + 1;
        }

        return node;
    }

    /// <summary>The member <paramref name="name"/> (unescaped) of a mapping, or the item of a sequence it numbers; null when there is none.</summary>
    public static JsonNode? Child(JsonNode node, string name)
        => node switch
        {
            JsonObject mapping => mapping.TryGetPropertyValue(name, out var member) ? member : null,
            JsonArray sequence when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count => sequence[index],
            _ => null,
        };

    /// <summary>
    /// The node <paramref name="pointer"/> points at, in the tree <paramref name="root"/> of the part of a spec that
    /// stands at <paramref name="rootPointer"/> (a fragment, or the whole spec at the empty pointer); null when there is
    /// none, or when the pointer points outside that part.
    /// </summary>
    public static JsonNode? FindUnder(JsonNode root, string rootPointer, string pointer)
        => rootPointer.Length == 0 ? Find(root, pointer)
            : pointer.StartsWith(rootPointer, StringComparison.Ordinal) && (pointer.Length == rootPointer.Length || pointer[rootPointer.Length] == '/')
                ? Find(root, pointer.Substring(rootPointer.Length))
                : null;

    /// <summary>
    /// <paramref name="pointer"/> with its longest prefix that <paramref name="moves"/> holds (a whole pointer or one
    /// ending before a '/') replaced by where that prefix went; false when none of its prefixes moved.
    /// </summary>
    public static bool TryMovePrefix(IReadOnlyDictionary<string, string> moves, string pointer, out string moved)
    {
        if (moves.Count > 0)
        {
            for (var end = pointer.Length; end > 0; end = pointer.LastIndexOf('/', end - 1))
            {
                if (moves.TryGetValue(pointer.Substring(0, end), out var destination))
                {
                    moved = destination + pointer.Substring(end);
                    return true;
                }
            }
        }

        moved = pointer;
        return false;
    }

    /// <summary>A pointer is empty or starts with '/', and every '~' is followed by '0' or '1'.</summary>
    public static bool IsValid(string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '~' && (i + 1 >= pointer.Length || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The first three segments of a JSON pointer, as written (escaped), and how many it has: what tells which part of a
/// spec a pointer is in (<see cref="ModelBuilding.SchemaReachability.UnitOf(string)"/>, a component's reference). Found
/// by scanning, without splitting the rest: a spec's pointers run ten segments deep, and thousands of them are asked.
/// </summary>
internal readonly struct PointerHead
{
    private readonly string _pointer;
    private readonly int _firstEnd;
    private readonly int _secondEnd;
    private readonly int _thirdEnd;

    public PointerHead(string pointer)
    {
        _pointer = pointer;
        _firstEnd = _secondEnd = _thirdEnd = -1;
        Count = 0;
        if (pointer.Length == 0 || pointer[0] != '/')
        {
            return;
        }

        _firstEnd = EndOf(pointer, 1);
        Count = 1;
        if (_firstEnd == pointer.Length)
        {
            return;
        }

        _secondEnd = EndOf(pointer, _firstEnd + 1);
        Count = 2;
        if (_secondEnd == pointer.Length)
        {
            return;
        }

        _thirdEnd = EndOf(pointer, _secondEnd + 1);
        Count = _thirdEnd == pointer.Length ? 3 : 4;
    }

    /// <summary>How many segments the pointer has, up to 4 (4: more than three).</summary>
    public int Count { get; }

    // The segments are cut out when read, not when the head is made: a unit's path or component name is rarely
    // compared with anything, and a re-run makes tens of thousands of heads.
    public string? First => Count >= 1 ? Segment(_pointer, 1, _firstEnd) : null;

    public string? Second => Count >= 2 ? Segment(_pointer, _firstEnd + 1, _secondEnd) : null;

    public string? Third => Count >= 3 ? Segment(_pointer, _secondEnd + 1, _thirdEnd) : null;

    /// <summary>The pointer up to the end of its second segment (<c>/paths/~1pets</c>).</summary>
    public string ThroughSecond => _secondEnd == _pointer.Length ? _pointer : _pointer.Substring(0, _secondEnd);

    /// <summary>The pointer up to the end of its third segment (<c>/paths/~1pets/get</c>).</summary>
    public string ThroughThird => _thirdEnd == _pointer.Length ? _pointer : _pointer.Substring(0, _thirdEnd);

    /// <summary>
    /// The segment from <paramref name="start"/> to <paramref name="end"/>: for the keys a head's segments are compared
    /// with (the document's maps, the component maps, the operations' methods) the constant, not a new string cut out
    /// of the pointer at every head read (a re-run reads tens of thousands); the switch tells them by length and characters.
    /// </summary>
    private static string Segment(string pointer, int start, int end)
        => pointer.AsSpan(start, end - start) switch
        {
            "paths" => "paths",
            "components" => "components",
            "webhooks" => "webhooks",
            "x-webhooks" => "x-webhooks",
            "schemas" => "schemas",
            "responses" => "responses",
            "parameters" => "parameters",
            "examples" => "examples",
            "requestBodies" => "requestBodies",
            "headers" => "headers",
            "securitySchemes" => "securitySchemes",
            "links" => "links",
            "callbacks" => "callbacks",
            "pathItems" => "pathItems",
            "get" => "get",
            "put" => "put",
            "post" => "post",
            "delete" => "delete",
            "options" => "options",
            "head" => "head",
            "patch" => "patch",
            "trace" => "trace",
            _ => pointer.Substring(start, end - start),
        };

    private static int EndOf(string pointer, int start)
        => pointer.IndexOf('/', start) is var slash and >= 0 ? slash : pointer.Length;
}
